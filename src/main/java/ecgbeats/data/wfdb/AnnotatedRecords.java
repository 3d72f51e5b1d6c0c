package ecgbeats.data.wfdb;

import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The records of a folder that have reference annotations ({@code NAME.atr}), by name, sorted. */
public final class AnnotatedRecords {

    private AnnotatedRecords() {
    }

    public static List<String> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".atr"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list the folder: " + e.getMessage());
        }
    }
}
