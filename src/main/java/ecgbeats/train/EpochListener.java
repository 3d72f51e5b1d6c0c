package ecgbeats.train;

import ecgbeats.util.Decision;

/**
 * Hears about each finished epoch and may ask training to stop (a tuning scheduler does).
 * Called on the training thread, after early stopping has been updated.
 */
@FunctionalInterface
public interface EpochListener {

    Decision onEpoch(EpochResult result, int maxEpochs);

    static EpochListener none() {
        return (r, max) -> Decision.CONTINUE;
    }
}
