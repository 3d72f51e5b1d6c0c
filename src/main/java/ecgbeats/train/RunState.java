package ecgbeats.train;

/**
 * Where a run folder stands ({@code state.json}): a run writes it when it starts, after every
 * epoch and when it ends, so that a folder says whether its numbers are a result.
 *
 * @param status what the run is doing or how it ended
 * @param epoch  epochs completed (those in its checkpoint)
 * @param reason why it failed, or null
 */
public record RunState(Status status, int epoch, String reason) {

    /** A run's life: RUNNING (or killed while running), PAUSED by a time budget, FAILED, COMPLETE. */
    public enum Status {
        RUNNING, PAUSED, FAILED, COMPLETE;

        /** Whether {@code train --resume} can go on from here. */
        public boolean resumable() {
            return this == RUNNING || this == PAUSED;
        }
    }
}
