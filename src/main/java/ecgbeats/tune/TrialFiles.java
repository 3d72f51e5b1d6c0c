package ecgbeats.tune;

import ecgbeats.util.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * A study's folder of finished trials, {@code trials/NNNN}: what each trial's worker sent back
 * (its run folder and log), wherever that worker ran.
 */
public final class TrialFiles {

    private final Path trialsDir;
    private final Collection<String> allowed;

    /**
     * @param allowed the relative paths a worker may send; anything else is refused, so that a
     *                worker cannot write outside its trial's folder
     */
    public TrialFiles(Path trialsDir, Collection<String> allowed) {
        this.trialsDir = trialsDir;
        this.allowed = java.util.List.copyOf(allowed);
    }

    /** The folder of trial {@code number}. */
    public Path folder(int number) {
        return trialsDir.resolve(String.format("%04d", number));
    }

    /**
     * Writes a finished trial's files into its folder, replacing an earlier attempt's: written
     * into a temporary folder first and moved into place, so the folder is whole or absent.
     */
    public void save(int trial, Map<String, byte[]> files) throws IOException {
        Path dir = folder(trial);
        Path tmp = trialsDir.resolve(String.format(".%04d.partial", trial));
        AtomicFile.deleteTree(tmp);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = tmp.resolve(f.getKey()).normalize();
            if (!target.startsWith(tmp) || !allowed.contains(f.getKey())) {
                throw new IOException("a worker sent an unexpected file: " + f.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        AtomicFile.deleteTree(dir);
        AtomicFile.moveIntoPlace(tmp, dir);
    }
}
