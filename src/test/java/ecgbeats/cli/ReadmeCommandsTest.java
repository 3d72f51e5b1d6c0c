package ecgbeats.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ecgbeats command line the README shows parses as written: its command and options exist. */
class ReadmeCommandsTest {

    /** The README's {@code ./ecgbeats ...} lines in code blocks, continuation lines joined, comments cut. */
    static List<String> commands(Path readme) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder pending = null;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            String l = line.strip();
            if (pending != null) {
                pending.append(' ').append(l);
            } else if (l.startsWith("./ecgbeats ") || l.startsWith("$ ./ecgbeats ")) {
                pending = new StringBuilder(l.replaceFirst("^\\$ ", ""));
            } else {
                continue;
            }
            if (pending.toString().endsWith("\\")) {
                pending.setLength(pending.length() - 1);
            } else {
                String c = pending.toString().replaceAll("\\s+#.*$", "").replaceAll("\\[[^]]*]", "").strip();
                out.add(c);
                pending = null;
            }
        }
        return out;
    }

    @Test
    void everyCommandTheReadmeShowsParses() throws IOException {
        List<String> commands = commands(Path.of("README.md"));
        assertTrue(commands.size() >= 20, commands.toString());
        for (String c : commands) {
            String[] args = Arrays.stream(c.substring("./ecgbeats ".length()).split("\\s+")).toArray(String[]::new);
            CommandLine cl = CommandLines.create();
            try {
                CommandLine.ParseResult r = cl.parseArgs(args);
                assertTrue(r.hasSubcommand(), c);
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError(c + ": " + e.getMessage(), e);
            }
        }
        assertEquals(0, Cli.run("adapt", "--help").code());
    }
}
