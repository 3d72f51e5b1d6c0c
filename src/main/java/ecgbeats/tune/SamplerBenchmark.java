package ecgbeats.tune;

import ecgbeats.util.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs a sampler on a test function for several seeds and reports the best value found per seed. */
public final class SamplerBenchmark {

    /** The best (lowest) value per seed, with its mean and median. */
    public record Result(TestFunction function, String search, int trials, int seeds, double[] bestPerSeed) {
        public double mean() {
            return Arrays.stream(bestPerSeed).average().orElse(Double.NaN);
        }

        public double median() {
            double[] s = bestPerSeed.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    private SamplerBenchmark() {
    }

    public static Result run(TestFunction f, String search, Sampler sampler, int trials, int seeds) {
        return run(f, search, sampler, trials, seeds, 0);
    }

    /** As {@link #run(TestFunction, String, Sampler, int, int)} with seeds firstSeed .. firstSeed + seeds − 1. */
    public static Result run(TestFunction f, String search, Sampler sampler, int trials, int seeds, int firstSeed) {
        SearchSpace space = f.space();
        double[] best = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            SplittableRandom random = Seeds.random(firstSeed + s, "sampler");
            List<Trial> history = new ArrayList<>();
            best[s] = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                Map<String, Object> p = sampler.suggest(space, history, random).orElseThrow();
                double v = f.value(p);
                best[s] = Math.min(best[s], v);
                history.add(new Trial(t, p, 0, TrialState.COMPLETE, List.of(-v), Map.of(), "bench", 0));
            }
        }
        return new Result(f, search, trials, seeds, best);
    }
}
