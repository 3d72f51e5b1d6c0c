package ecgbeats.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A study's append-only journal ({@code journal.jsonl}): one {@link JournalEvent} per line, written and
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

    public synchronized void append(JournalEvent event) throws IOException {
        byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        channel.write(java.nio.ByteBuffer.wrap(line));
        channel.force(false);
    }

    /** The events of a journal, in order. */
    public static List<JournalEvent> read(Path file) {
        List<JournalEvent> events = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read the journal: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                events.add(JSON.readValue(lines.get(i), JournalEvent.class));
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
