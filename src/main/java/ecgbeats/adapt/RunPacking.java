package ecgbeats.adapt;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunRecord;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A finished run made ready to travel without its dataset: its files, and a sample of its training
 * beats ({@link RunDirectory#REPLAY}) so that it can still be adapted to a patient elsewhere
 * ({@link PatientAdapter} replays them). How the models that ship with ecgbeats are made.
 */
public final class RunPacking {

    /** The run's files that travel with it. */
    static final List<String> FILES = List.of(RunDirectory.CONFIG, RunDirectory.PARAMS, RunDirectory.HISTORY,
            RunDirectory.METRICS, RunDirectory.STATE);

    private RunPacking() {
    }

    /**
     * Copies the run in {@code run} to the new folder {@code out} with {@code replay} of its training
     * beats drawn at random with {@code seed} (none when 0).
     *
     * @throws BadInputException when the run is not finished, its dataset is not here (with replay),
     *                           or {@code out} exists and is not empty
     */
    public static void pack(Path run, int replay, long seed, Path out) throws IOException {
        RunDirectory dir = new RunDirectory(run);
        RunRecord record = dir.readRecord();
        if (!Files.exists(dir.params())) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, run,
                    "the run has no model parameters: did its training finish?");
        }
        AdaptedRun.checkNew(out);
        BeatDataset sample = replay > 0 ? sample(dir, record, replay, seed) : null;
        AtomicFile.writeFolder(out, tmp -> {
            for (String f : FILES) {
                if (Files.exists(run.resolve(f))) {
                    Files.copy(run.resolve(f), tmp.resolve(f));
                }
            }
            if (sample != null) {
                DatasetFile.write(sample, tmp.resolve(RunDirectory.REPLAY));
            }
        });
    }

    /** A dataset whose train split is {@code n} of the run's training beats, drawn at random; the others empty. */
    private static BeatDataset sample(RunDirectory dir, RunRecord record, int n, long seed) {
        Path file = Path.of(record.data() == null ? "" : record.data().file());
        if (!Files.isRegularFile(file)) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir.dir(), "its training data " + file
                    + " is not here to draw replay beats from");
        }
        BeatDataset data = DatasetFile.read(file);
        BeatTable train = data.train();
        int[] order = Seeds.permutation(train.size(), Seeds.random(seed, "pack-replay"));
        int[] rows = Arrays.copyOf(order, Math.min(n, order.length));
        Arrays.sort(rows);
        BeatTable none = train.select(new int[0]);
        return new BeatDataset(data.provenance(), train.select(rows), none, none);
    }
}
