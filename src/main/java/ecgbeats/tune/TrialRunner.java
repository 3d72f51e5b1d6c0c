package ecgbeats.tune;

import ecgbeats.util.Decision;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The objective a study optimises, seen only through this interface: run one trial, report
 * each epoch's validation value, obey the answer. Implementations train a model (in a worker
 * process, since DJL's PyTorch engine allows one gradient collector per JVM), send the trial
 * to a cluster, or evaluate a test function. Called from several threads at once, one trial
 * each.
 */
@FunctionalInterface
public interface TrialRunner {

    /** Hears each epoch's result and answers whether the trial goes on. */
    @FunctionalInterface
    interface EpochReporter {
        /**
         * @param checkpoint the trial's state after this epoch (opaque bytes a later
         *                   {@link TrialTask} can go on from), or null
         */
        Decision report(int epoch, double value, Map<String, Double> metrics, byte[] checkpoint);

        /**
         * The trial (re)started on {@code worker} after {@code fromEpoch} epochs, e.g. on another
         * worker after the first one died; epochs reported after {@code fromEpoch} before this
         * call no longer count.
         */
        default void started(String worker, int fromEpoch) {
        }
    }

    /**
     * Runs {@code task}; returns its final validation metrics. Returning after a STOP is how a
     * trial is pruned; throwing fails it.
     */
    Map<String, Double> run(TrialTask task, EpochReporter reporter) throws Exception;

    /**
     * Whether this runner calls {@link EpochReporter#started} itself, naming the worker that
     * took the trial; otherwise the study records the trial as started on its own thread.
     */
    default boolean reportsPlacement() {
        return false;
    }

    /**
     * Waits until one more trial could start at once (a cluster waits for an idle worker);
     * returns false if none could within the timeout. Local runners are always ready.
     *
     * @throws IllegalStateException when no trial can ever start again (the runner was closed);
     *                               the study then stops creating trials
     */
    default boolean awaitCapacity(long timeout, TimeUnit unit) throws InterruptedException {
        return true;
    }
}
