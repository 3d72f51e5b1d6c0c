package ecgbeats.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A study's append-only journal ({@code journal.jsonl}): one JSON event per line, written and
 * forced to disk before the study acts on it, so after a crash or SIGKILL the journal holds
 * everything that happened. A last line cut off by a kill is ignored when reading.
 */
public final class Journal implements AutoCloseable {

    static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    private final FileChannel channel;

    public Journal(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    public static ObjectNode event(String type) {
        return JSON.createObjectNode().put("event", type).put("time", java.time.Instant.now().toString());
    }

    public synchronized void append(ObjectNode event) throws IOException {
        byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        channel.write(java.nio.ByteBuffer.wrap(line));
        channel.force(false);
    }

    /** The events of a journal, in order. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> events = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read the journal: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                events.add(JSON.readTree(lines.get(i)));
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    break; // torn by a kill mid-write
                }
                throw BadInputException.inFile(file, "line " + (i + 1) + " is not a journal event");
            }
        }
        return events;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
