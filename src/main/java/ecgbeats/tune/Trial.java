package ecgbeats.tune;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An immutable snapshot of a trial, as samplers and reports see it. A new snapshot replaces
 * the old one whenever the trial changes; snapshots themselves never change.
 *
 * @param number  0-based, in order of creation
 * @param params  the suggested hyperparameters
 * @param seed    the trial's own seed
 * @param state   where the trial is in its life
 * @param values  the objective after each epoch reported so far (validation, maximised)
 * @param metrics final metrics of a finished trial (accuracy, recall_macro, ...), empty before
 * @param worker  who runs or ran it
 * @param seconds wall time so far
 */
public record Trial(int number, Map<String, Object> params, long seed, TrialState state, List<Double> values,
                    Map<String, Double> metrics, String worker, double seconds) {

    public Trial {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        values = List.copyOf(values);
        metrics = Map.copyOf(metrics);
    }

    /** The best objective reported, if any epoch was. */
    public OptionalDouble best() {
        return values.stream().mapToDouble(Double::doubleValue).max();
    }

    public int epochs() {
        return values.size();
    }

    Trial withEpoch(double value, double secondsSoFar) {
        List<Double> v = new java.util.ArrayList<>(values);
        v.add(value);
        return new Trial(number, params, seed, state, v, metrics, worker, secondsSoFar);
    }

    Trial finished(TrialState s, Map<String, Double> finalMetrics, double totalSeconds) {
        return new Trial(number, params, seed, s, values, finalMetrics, worker, totalSeconds);
    }

    Trial onWorker(String w) {
        return new Trial(number, params, seed, state, values, metrics, w, seconds);
    }

    /** Back to RUNNING with the epochs up to {@code epochs} kept (a resumed trial). */
    Trial resumedAt(int epochs) {
        return new Trial(number, params, seed, TrialState.RUNNING, values.subList(0, Math.min(epochs, values.size())),
                Map.of(), worker, seconds);
    }
}
