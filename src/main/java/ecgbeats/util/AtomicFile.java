package ecgbeats.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the complete new one: the data
 * goes to a temporary file in the same folder, which is moved over the target only when it is
 * complete. On failure the temporary file is removed and the target is untouched.
 */
public final class AtomicFile {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not createTempFile: its owner-only permissions would stay on the finished file
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16)) {
                writer.write(out);
            }
            moveIntoPlace(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Moves a complete file over {@code target}, atomically where the file system allows. */
    public static void moveIntoPlace(Path complete, Path target) throws IOException {
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(complete, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Fills a new folder. */
    @FunctionalInterface
    public interface FolderWriter {
        void fill(Path folder) throws IOException;
    }

    /**
     * Makes the folder {@code target} (absent, or an empty folder, which the caller checks) by
     * filling a temporary folder beside it and moving that into place: readers see no folder or the
     * complete one, and a failure leaves nothing behind.
     */
    public static void writeFolder(Path target, FolderWriter writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            // readable by all, as a folder made with mkdir would be (createTempDirectory's is the owner's only)
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
        try {
            writer.fill(tmp);
            Files.deleteIfExists(target); // an empty folder at the most
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
