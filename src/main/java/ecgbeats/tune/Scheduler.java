package ecgbeats.tune;

import ecgbeats.util.Decision;

/**
 * Decides after each epoch whether a trial goes on, from validation results only.
 *
 * <p>Contract: decisions depend only on the sequence of results reported so far, so a
 * resumed study rebuilds a scheduler by reporting the journal's results again in order.
 * Values are objectives to maximise. Not thread-safe: the study calls it under its lock.
 */
public interface Scheduler {

    Decision onEpoch(int trial, int epoch, double value);
}
