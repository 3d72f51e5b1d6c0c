package ecgbeats.train;

/**
 * ReduceLROnPlateau on a quantity to minimise (validation loss), with the semantics of
 * torch.optim.lr_scheduler.ReduceLROnPlateau (mode 'min', relative threshold 1e-4, no
 * cooldown): an epoch improves when its value is below best · (1 − 1e-4); after more than
 * {@code patience} epochs without improvement the rate is multiplied by {@code factor}, never
 * below {@code minLr}, and the count starts again. Not thread-safe; one per run.
 */
public final class PlateauScheduler {

    private static final double THRESHOLD = 1e-4;

    private final double factor;
    private final int patience;
    private final double minLr;
    private double lr;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    /** What a checkpoint keeps: the current rate, the best value and the epochs since it. */
    public record State(double lr, double best, int badEpochs) {
    }

    public PlateauScheduler(double lr, double factor, int patience, double minLr) {
        this.lr = lr;
        this.factor = factor;
        this.patience = patience;
        this.minLr = minLr;
    }

    public State state() {
        return new State(lr, best, badEpochs);
    }

    /** Goes on from {@code s}. */
    public void restore(State s) {
        lr = s.lr();
        best = s.best();
        badEpochs = s.badEpochs();
    }

    /** Records an epoch's value and returns the learning rate for the next epoch. */
    public double step(double value) {
        if (value < best * (1 - THRESHOLD)) {
            best = value;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (badEpochs > patience) {
            lr = Math.max(lr * factor, minLr);
            badEpochs = 0;
        }
        return lr;
    }

    public double lr() {
        return lr;
    }
}
