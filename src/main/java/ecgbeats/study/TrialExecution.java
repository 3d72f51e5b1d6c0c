package ecgbeats.study;

import ecgbeats.model.Architecture;
import ecgbeats.train.Checkpoint;
import ecgbeats.train.EpochListener;
import ecgbeats.train.Metrics;
import ecgbeats.train.NonFiniteException;
import ecgbeats.train.ProgressPrinter;
import ecgbeats.train.RunConfig;
import ecgbeats.train.TrainJob;
import ecgbeats.train.Training;
import ecgbeats.tune.TrialLine;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Decision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker side of one tuning trial, in the trial's own process: trains the run a
 * {@link TrialSpec} describes, reports each epoch as a {@link TrialLine} and waits for the study's
 * {@link Decision} on the next input line. Never evaluates on test.
 */
public final class TrialExecution {

    /** How a trial's process ended. */
    public enum Outcome {
        /** Trained to its end (or stopped by the study); its result line was written. */
        DONE,
        /** A number that cannot be true stopped it; its failure line was written. */
        FAILED,
        /** The study stopped listening: nothing more was written, and a resumed study runs it again. */
        ABANDONED
    }

    private TrialExecution() {
    }

    /** Runs {@code spec}, writing trial lines to {@code out} and reading decisions from {@code decisions}. */
    public static Outcome run(TrialSpec spec, BufferedReader decisions, PrintStream out) throws IOException {
        RunConfig rc = RunConfig.defaults(Architecture.parse(spec.model())).with(spec.settings());
        Path run = Path.of(spec.out());
        AtomicFile.deleteTree(run); // an interrupted attempt starts again
        Path checkpointOut = spec.checkpointOut() == null ? null : Path.of(spec.checkpointOut());
        Checkpoint resume = spec.checkpointIn() == null ? null : checkpoint(Path.of(spec.checkpointIn()));
        int[] written = {0};
        Training.CheckpointSink sink = checkpointOut == null ? null : c -> {
            AtomicFile.write(checkpointOut, o -> o.write(c.encode()));
            written[0] = c.epoch();
        };
        ProgressPrinter progress = new ProgressPrinter(out);
        EpochListener listener = (r, max) -> {
            progress.onEpoch(r, max);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("recall_macro", r.valid().recallMacro());
            m.put("accuracy", r.valid().accuracy());
            m.put("valid_loss", r.validLoss());
            out.println(new TrialLine.Epoch(r.epoch(), r.score(), m,
                    checkpointOut != null && written[0] == r.epoch()).format());
            out.flush();
            String answer;
            try {
                answer = decisions.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (answer == null) {
                throw new StudyGone();
            }
            return Decision.valueOf(answer.trim()) == Decision.STOP ? Decision.STOP : Decision.CONTINUE;
        };
        TrainJob.Outcome o;
        try {
            o = new TrainJob(Path.of(spec.data()), rc, run, false).run(listener, out, null, resume, sink);
        } catch (StudyGone e) {
            return Outcome.ABANDONED;
        } catch (NonFiniteException e) {
            out.println(new TrialLine.Failed(e.getMessage()).format());
            return Outcome.FAILED;
        }
        Metrics best = o.training().bestValid();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("recall_macro", best.recallMacro());
        metrics.put("accuracy", best.accuracy());
        out.println(new TrialLine.Done(metrics).format());
        return Outcome.DONE;
    }

    private static Checkpoint checkpoint(Path in) {
        try {
            return Checkpoint.decode(Files.readAllBytes(in));
        } catch (IOException e) {
            throw BadInputException.inFile(in, e.getMessage());
        }
    }

    /** The study closed the trial's input: nobody will read its results. */
    private static final class StudyGone extends RuntimeException {
        StudyGone() {
            super("the study is gone", null, false, false);
        }
    }
}
