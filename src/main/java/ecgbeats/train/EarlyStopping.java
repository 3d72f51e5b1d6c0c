package ecgbeats.train;

/**
 * Stops when the validation objective (maximised) has not improved for {@code patience}
 * epochs, and remembers the best epoch so its weights can be restored. Not thread-safe.
 */
public final class EarlyStopping {

    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    /** What a checkpoint keeps. */
    public record State(double best, int bestEpoch, int sinceBest) {
    }

    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    public State state() {
        return new State(best, bestEpoch, sinceBest);
    }

    /** Goes on from {@code s}. */
    public void restore(State s) {
        best = s.best();
        bestEpoch = s.bestEpoch();
        sinceBest = s.sinceBest();
    }

    /** Records epoch {@code epoch}'s objective; returns whether it is the best so far. */
    public boolean record(int epoch, double objective) {
        if (objective > best) {
            best = objective;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    public boolean shouldStop() {
        return sinceBest >= patience;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public double best() {
        return best;
    }
}
