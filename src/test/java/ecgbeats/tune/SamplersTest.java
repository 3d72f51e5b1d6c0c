package ecgbeats.tune;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplersTest {

    @Test
    void parzenEstimatorFollowsHyperOpt() {
        // two observations in [0, 10]: the prior (mean 5, sigma 10) sits between them
        TpeSampler.Mixture m = TpeSampler.parzen(new double[] {2, 8}, 0, 10);
        assertArrayEquals(new double[] {2, 5, 8}, m.mus(), 1e-12);
        // neighbour distances 3 and 3, clipped below by 10 / min(100, 1 + 3) = 2.5; the prior keeps 10
        assertArrayEquals(new double[] {3, 10, 3}, m.sigmas(), 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, m.weights(), 1e-12);
        assertEquals(1, m.mass(0, 10), 1e-6);
        // the density integrates to one over the bounds
        double integral = 0;
        for (double x = 0.0005; x < 10; x += 0.001) {
            integral += m.density(x) * 0.001;
        }
        assertEquals(1, integral, 1e-3);
    }

    @Test
    void linearForgettingWeighsOnlyOldObservationsDown() {
        assertArrayEquals(new double[] {1, 1, 1}, TpeSampler.forgettingWeights(3), 0);
        double[] w = TpeSampler.forgettingWeights(30);
        assertEquals(1.0 / 30, w[0], 1e-12);
        assertEquals(1, w[4], 1e-12);
        for (int i = 5; i < 30; i++) {
            assertEquals(1, w[i], 0);
        }
    }

    @Test
    void categoricalDensityCountsPlusOnePseudoCount() {
        Domain.Choice c = new Domain.Choice(List.of("a", "b", "c"));
        assertArrayEquals(new double[] {3 / 6.0, 1 / 6.0, 2 / 6.0},
                TpeSampler.categorical(c, List.of("a", "c", "a")), 1e-12);
    }

    @Test
    void tpeConcentratesOnTheGoodRegion() {
        SearchSpace s = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\n");
        List<Trial> trials = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        TpeSampler tpe = new TpeSampler();
        int near = 0;
        for (int t = 0; t < 80; t++) {
            double x = (Double) tpe.suggest(s, trials, r).orElseThrow().get("x");
            if (t >= 40 && Math.abs(x - 0.8) < 0.1) {
                near++;
            }
            trials.add(new Trial(t, Map.of("x", x), 0, TrialState.COMPLETE, List.of(-(x - 0.8) * (x - 0.8)),
                    Map.of(), "w", 0));
        }
        // random search lands within 0.1 of the optimum 20 % of the time (8 of 40, sd 2.5)
        assertTrue(near >= 14, near + " of 40 late suggestions near the optimum");
    }

    @Test
    void runningTrialsKeepParallelSuggestionsApart() {
        SearchSpace s = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\n");
        List<Trial> done = new ArrayList<>();
        SplittableRandom prior = new SplittableRandom(2);
        for (int t = 0; t < 30; t++) {
            double x = prior.nextDouble();
            done.add(new Trial(t, Map.of("x", x), 0, TrialState.COMPLETE, List.of(-(x - 0.3) * (x - 0.3)), Map.of(),
                    "w", 0));
        }
        double spreadWithout = spread(done, false);
        double spreadWith = spread(done, true);
        assertTrue(spreadWith > spreadWithout, "with liars " + spreadWith + ", without " + spreadWithout);
    }

    /** Standard deviation of 12 suggestions made one after another while none finishes. */
    private static double spread(List<Trial> done, boolean registerRunning) {
        SearchSpace s = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\n");
        List<Trial> trials = new ArrayList<>(done);
        SplittableRandom r = new SplittableRandom(7);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 12; i++) {
            double x = (Double) new TpeSampler().suggest(s, trials, r).orElseThrow().get("x");
            sum += x;
            sq += x * x;
            if (registerRunning) {
                trials.add(new Trial(trials.size(), Map.of("x", x), 0, TrialState.RUNNING, List.of(), Map.of(), "w", 0));
            }
        }
        return Math.sqrt(sq / 12 - (sum / 12) * (sum / 12));
    }

    @Test
    void sameSeedSameSuggestions() {
        SamplerBenchmark.Result a = SamplerBenchmark.run(TestFunction.MIXED, "tpe", new TpeSampler(), 30, 2);
        SamplerBenchmark.Result b = SamplerBenchmark.run(TestFunction.MIXED, "tpe", new TpeSampler(), 30, 2);
        assertArrayEquals(a.bestPerSeed(), b.bestPerSeed(), 0);
    }

    @Test
    void tpeBeatsRandomSearchOnHartmann6() {
        SamplerBenchmark.Result rnd = SamplerBenchmark.run(TestFunction.HARTMANN6, "random", new RandomSampler(), 60, 10);
        SamplerBenchmark.Result tpe = SamplerBenchmark.run(TestFunction.HARTMANN6, "tpe", new TpeSampler(), 60, 10);
        assertTrue(tpe.mean() < rnd.mean(), "tpe " + tpe.mean() + " vs random " + rnd.mean());
    }

    @Test
    void gridVisitsEveryCombinationOnce() {
        SearchSpace s = SearchSpaces.parse("s", "a: {choice: [1, 2, 3]}\nb: {choice: [x, y]}\n");
        GridSampler g = new GridSampler();
        List<Trial> trials = new ArrayList<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int t = 0; t < 6; t++) {
            Map<String, Object> p = g.suggest(s, trials, new SplittableRandom(t)).orElseThrow();
            assertTrue(seen.add(p), "repeated " + p);
            trials.add(new Trial(t, p, 0, TrialState.COMPLETE, List.of(0.0), Map.of(), "w", 0));
        }
        assertTrue(g.suggest(s, trials, new SplittableRandom(9)).isEmpty());
    }

    @Test
    void testFunctionsHaveTheirKnownMinima() {
        assertEquals(0.397887, TestFunction.BRANIN.value(Map.of("x1", Math.PI, "x2", 2.275)), 1e-6);
        assertEquals(-3.32237, TestFunction.HARTMANN6.value(Map.of("x1", 0.20169, "x2", 0.150011, "x3", 0.476874,
                "x4", 0.275332, "x5", 0.311652, "x6", 0.6573)), 1e-5);
        assertEquals(0, TestFunction.MIXED.value(Map.of("kind", "c", "n", 7, "m", 3, "rate", 0.01)), 1e-12);
    }
}
