package ecgbeats.tune;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialFilesTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLaterAttemptReplacesTheEarlierOneWhole() throws IOException {
        TrialFiles files = new TrialFiles(dir, List.of("run/config.json", "log.txt"));
        files.save(7, Map.of("run/config.json", text("{}"), "log.txt", text("first")));
        assertEquals("first", Files.readString(dir.resolve("0007/log.txt")));
        files.save(7, Map.of("log.txt", text("second")));
        assertEquals("second", Files.readString(files.folder(7).resolve("log.txt")));
        assertFalse(Files.exists(dir.resolve("0007/run/config.json")), "nothing of the first attempt is left");
    }

    @Test
    void aFileOutsideTheListIsRefusedAndTheEarlierFolderKept() throws IOException {
        TrialFiles files = new TrialFiles(dir, List.of("log.txt"));
        files.save(1, Map.of("log.txt", text("kept")));
        for (String name : List.of("../../escape.txt", "other.txt")) {
            IOException e = assertThrows(IOException.class, () -> files.save(1, Map.of(name, text("x"))));
            assertTrue(e.getMessage().contains("unexpected file: " + name), e.getMessage());
        }
        assertEquals("kept", Files.readString(dir.resolve("0001/log.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("escape.txt")));
    }
}
