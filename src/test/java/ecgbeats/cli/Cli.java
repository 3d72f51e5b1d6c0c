package ecgbeats.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

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
}
