package ecgbeats.tune;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A journal's lines as JSON trees, for tests that check the file's format itself (the code reads it as events). */
public final class JournalLines {

    private JournalLines() {
    }

    public static List<JsonNode> read(Path journal) {
        try {
            return Files.readAllLines(journal).stream().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return ecgbeats.util.Json.MAPPER.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
