package ecgbeats.tune;

import java.util.Map;

/**
 * One trial to run, from the start or from a checkpoint.
 *
 * @param number     the trial's number in its study
 * @param params     its hyperparameters
 * @param seed       its own seed
 * @param fromEpoch  epochs the checkpoint holds (0: from the start)
 * @param checkpoint what an earlier run of this trial reported with epoch {@code fromEpoch},
 *                   opaque to the study; null when starting from the start
 */
public record TrialTask(int number, Map<String, Object> params, long seed, int fromEpoch, byte[] checkpoint) {

    public TrialTask {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        if ((checkpoint == null) != (fromEpoch == 0)) {
            throw new IllegalArgumentException("a checkpoint goes with the epoch it holds");
        }
    }

    /** A trial from its first epoch. */
    public static TrialTask fresh(int number, Map<String, Object> params, long seed) {
        return new TrialTask(number, params, seed, 0, null);
    }
}
