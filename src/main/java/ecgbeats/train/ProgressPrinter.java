package ecgbeats.train;

import ecgbeats.util.Decision;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line per epoch: throughput, losses, validation metrics (and the objective, when it
 * is not the macro recall shown), learning rate, ETA from the epochs this process has run.
 */
public final class ProgressPrinter implements EpochListener {

    private final PrintStream out;
    private double seconds;
    private int epochs;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public Decision onEpoch(EpochResult r, int maxEpochs) {
        seconds += r.seconds();
        epochs++; // a resumed run's earlier epochs were timed by another process
        double eta = seconds / epochs * (maxEpochs - r.epoch());
        String score = r.score() == r.valid().recallMacro() || r.score() == r.valid().accuracy() ? ""
                : String.format(Locale.ROOT, "  objective %.4f", r.score());
        out.printf(Locale.ROOT, "epoch %2d/%d  %,7.0f beats/s  loss %.4f | valid loss %.4f  acc %.4f  recall %.4f%s"
                        + " | lr %.1e | %5.1f s  ETA %s%n",
                r.epoch(), maxEpochs, r.beatsPerSecond(), r.trainLoss(), r.validLoss(), r.valid().accuracy(),
                r.valid().recallMacro(), score, r.lr(), r.seconds(), duration(eta));
        out.flush();
        return Decision.CONTINUE;
    }

    static String duration(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format("%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
