package ecgbeats.train;

/**
 * Hears about each finished epoch and may ask training to stop (a tuning scheduler does).
 * Called on the training thread, after early stopping has been updated.
 */
@FunctionalInterface
public interface EpochListener {

    /**
     * What training does after an epoch: go on; stop for good (the run is complete, as when a
     * scheduler prunes a trial); or pause, ready to go on later from the epoch's checkpoint (a
     * time budget). A pause after the last epoch is the same as going on.
     */
    enum Decision { CONTINUE, STOP, PAUSE }

    Decision onEpoch(EpochResult result, int maxEpochs);

    static EpochListener none() {
        return (r, max) -> Decision.CONTINUE;
    }
}
