package ecgbeats.train;

/**
 * Hears about each finished epoch and may ask training to stop (a tuning scheduler does).
 * Called on the training thread, after early stopping has been updated.
 */
@FunctionalInterface
public interface EpochListener {

    /** What training does after an epoch. */
    enum Decision { CONTINUE, STOP }

    Decision onEpoch(EpochResult result, int maxEpochs);

    static EpochListener none() {
        return (r, max) -> Decision.CONTINUE;
    }
}
