package ecgbeats.cli;

import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code report}: one self-contained HTML page for a run or a study folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report with plots for a run folder (train --out) or a study folder (tune --out); "
                + "one file, no external links, opens offline.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "DIR", converter = RunFolder.class,
            description = "A run or study folder (or pretrained:NAME).")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The report file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".html")) {
            throw new BadInputException("--out " + out + ": expected a .html file");
        }
        String html = Reports.render(dir);
        AtomicFile.writeString(out, html);
        System.out.printf("report of %s -> %s (%,d bytes)%n", dir, out, html.length());
        return 0;
    }
}
