package ecgbeats.tune;

import ecgbeats.util.Decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous successive halving (Li et al. 2020), as Ray Tune's ASHA with one bracket:
 * rungs at grace · η^k epochs below the epoch limit. A trial reaching a rung continues only
 * if its value is at least the (1 − 1/η) quantile of the values recorded at that rung before
 * it (linear interpolation, as numpy's percentile); the first trial at a rung always goes on.
 * Trials are never paused: a stopped trial is pruned. A trial that reaches a rung again (run
 * again from a checkpoint) is judged against the others only, and its new value replaces its old.
 */
public final class AshaScheduler implements Scheduler {

    private final int[] rungs;
    private final double reduction;
    /** Per rung, each trial's value there; a trial that reports a rung again (resumed elsewhere) replaces its own. */
    private final Map<Integer, Map<Integer, Double>> recorded = new HashMap<>();

    public AshaScheduler(int gracePeriod, double reductionFactor, int maxEpochs) {
        if (gracePeriod < 1 || reductionFactor <= 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("grace >= 1, reduction > 1, max epochs >= 1");
        }
        List<Integer> r = new ArrayList<>();
        for (double e = gracePeriod; e < maxEpochs; e *= reductionFactor) {
            r.add((int) Math.round(e));
        }
        this.rungs = r.stream().mapToInt(Integer::intValue).toArray();
        this.reduction = reductionFactor;
    }

    /** The rung epochs, ascending. */
    public int[] rungs() {
        return rungs.clone();
    }

    @Override
    public Decision onEpoch(int trial, int epoch, double value) {
        for (int rung : rungs) {
            if (rung == epoch) {
                Map<Integer, Double> at = recorded.computeIfAbsent(rung, k -> new LinkedHashMap<>());
                at.remove(trial);
                List<Double> others = new ArrayList<>(at.values());
                Decision d = others.isEmpty() || value >= percentile(others, (1 - 1 / reduction) * 100)
                        ? Decision.CONTINUE : Decision.STOP;
                at.put(trial, value);
                return d;
            }
        }
        return Decision.CONTINUE;
    }

    /** numpy.percentile with linear interpolation. */
    static double percentile(List<Double> values, double q) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double pos = q / 100 * (v.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, v.length - 1);
        return v[i] + (pos - i) * (v[j] - v[i]);
    }
}
