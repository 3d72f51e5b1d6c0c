package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.Split;
import ecgbeats.util.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one test evaluation of a study: the best trial's run is copied to the study's
 * {@code best} folder and evaluated on test there. A folder that already holds that trial's
 * evaluation (a resumed study that had finished) is read instead, so test is touched once.
 */
public final class BestRunEvaluation {

    /** The marker naming the trial whose run {@code best} holds. */
    static final String MARKER = "trial.txt";

    /**
     * @param metricsJson the test metrics as metrics.json holds them
     * @param earlier     true when they come from an earlier evaluation, not from this call
     */
    public record Result(String metricsJson, Metrics metrics, boolean earlier) {
    }

    private BestRunEvaluation() {
    }

    /** Evaluates the run in {@code trialRun} (trial {@code trial}) on test, once, into {@code bestDir}. */
    public static Result evaluateOnce(Path trialRun, int trial, Path bestDir, BeatDataset dataset) throws IOException {
        Path marker = bestDir.resolve(MARKER);
        Path metrics = bestDir.resolve(RunDirectory.METRICS);
        if (Files.exists(metrics) && Files.exists(marker)
                && Files.readString(marker).trim().equals(Integer.toString(trial))) {
            return new Result(Files.readString(metrics).trim(), null, true);
        }
        AtomicFile.deleteTree(bestDir);
        Files.createDirectories(bestDir);
        for (String f : List.of(RunDirectory.CONFIG, RunDirectory.HISTORY, RunDirectory.PARAMS)) {
            Files.copy(trialRun.resolve(f), bestDir.resolve(f));
        }
        AtomicFile.writeString(marker, trial + "\n");
        RunDirectory run = new RunDirectory(bestDir);
        try (Network net = run.loadNetwork()) {
            Evaluation e = Evaluation.of(net, dataset, Split.TEST);
            e.writeTo(run);
            return new Result(RunDirectory.metricsJson(e.metrics()), e.metrics(), false);
        }
    }
}
