package ecgbeats.train;

/**
 * One epoch of training.
 *
 * @param epoch     1-based
 * @param trainLoss mean training loss over the epoch's batches (weighted by batch size)
 * @param validLoss loss over the whole validation split
 * @param valid     validation metrics over the whole split
 * @param lr        the learning rate used in this epoch
 * @param seconds   wall time of the epoch, validation included
 * @param beatsPerSecond training throughput
 * @param score     the run's objective on validation, which early stopping and tuning maximise
 */
public record EpochResult(int epoch, double trainLoss, double validLoss, Metrics valid, double lr, double seconds,
                          double beatsPerSecond, double score) {
}
