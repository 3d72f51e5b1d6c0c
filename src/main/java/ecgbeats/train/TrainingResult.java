package ecgbeats.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param history       every epoch run
 * @param bestEpoch     the epoch whose weights the network holds now
 * @param bestValid     validation metrics of that epoch
 * @param stop          why training ended
 * @param seconds       wall time
 * @param classWeights  the loss weights used (all 1 without class weights)
 */
public record TrainingResult(List<EpochResult> history, int bestEpoch, Metrics bestValid, StopReason stop,
                             double seconds, double[] classWeights) {

    /** Why training ended; after {@code PAUSED} it can go on from its last checkpoint. */
    public enum StopReason { EPOCH_LIMIT, EARLY_STOP, STOPPED_BY_LISTENER, PAUSED }

    public TrainingResult {
        history = List.copyOf(history);
    }
}
