package ecgbeats.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the command line in-process, as {@code main} would, capturing what it prints. */
final class Cli {

    /** Exit code and output of one run. */
    record Run(int code, String out, String err) {
    }

    private Cli() {
    }

    static synchronized Run run(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            var cl = CommandLines.create();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(System.out, true));
            int code = cl.execute(args);
            System.out.flush();
            return new Run(code, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    /** Builds a dataset of the bundled {@code records} (e.g. "232,208") at {@code out}; the test fails if it cannot. */
    static Path buildBundled(String records, Path out) {
        Run r = run("data", "build", "--source", ecgbeats.TestData.bundled().toString(), "--records", records, "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }
}
