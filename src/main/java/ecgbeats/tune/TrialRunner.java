package ecgbeats.tune;

import java.util.Map;

/**
 * The objective a study optimises, seen only through this interface: run one trial, report
 * each epoch's validation value, obey the answer. Implementations train a model (in a worker
 * process, since DJL's PyTorch engine allows one gradient collector per JVM) or evaluate a
 * test function. Called from several threads at once, one trial each.
 */
@FunctionalInterface
public interface TrialRunner {

    /** Hears each epoch's result and answers whether the trial goes on. */
    @FunctionalInterface
    interface EpochReporter {
        Decision report(int epoch, double value, Map<String, Double> metrics);
    }

    /**
     * Runs trial {@code number} with {@code params} and {@code seed}; returns its final
     * validation metrics. Returning after a STOP is how a trial is pruned; throwing fails it.
     */
    Map<String, Double> run(int number, Map<String, Object> params, long seed, EpochReporter reporter)
            throws Exception;
}
