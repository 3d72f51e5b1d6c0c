package ecgbeats.report;

import ecgbeats.util.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/** The report for a folder: a study's when it holds a journal, a run's otherwise. */
public final class Reports {

    private Reports() {
    }

    public static String render(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a folder");
        }
        return Files.exists(dir.resolve("journal.jsonl")) ? StudyReport.render(dir) : RunReport.render(dir);
    }
}
