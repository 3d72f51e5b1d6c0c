package ecgbeats.tune;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JointParzenTest {

    private static final SearchSpace MIXED = SearchSpaces.parse("s",
            "x: {uniform: [0, 2]}\nn: {randint: [1, 4]}\nc: {choice: [a, b]}\n");

    private static Map<String, Object> point(double x, int n, String c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("x", x);
        p.put("n", n);
        p.put("c", c);
        return p;
    }

    @Test
    void densityIntegratesToOneOverTheWholeSpace() {
        List<Map<String, Object>> obs = List.of(point(0.1, 1, "a"), point(1.9, 4, "b"), point(1.0, 2, "a"));
        JointParzen p = new JointParzen(MIXED, obs, new double[] {1, 1, 1});
        // sum over the discrete parameters, midpoint rule over x
        double total = 0;
        int steps = 4000;
        for (int n = 1; n <= 4; n++) {
            for (String c : List.of("a", "b")) {
                for (int i = 0; i < steps; i++) {
                    double x = (i + 0.5) * 2.0 / steps;
                    total += Math.exp(p.logDensity(point(x, n, c))) * 2.0 / steps;
                }
            }
        }
        assertEquals(1.0, total, 1e-3);
    }

    @Test
    void samplesStayInsideTheSpaceAndFollowTheObservations() {
        List<Map<String, Object>> obs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            obs.add(point(1.5, 3, "b"));
        }
        JointParzen p = new JointParzen(MIXED, obs, new double[20]);
        SplittableRandom r = new SplittableRandom(1);
        int near = 0;
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> s = p.sample(r);
            double x = (Double) s.get("x");
            int n = (Integer) s.get("n");
            assertTrue(x >= 0 && x <= 2 && n >= 1 && n <= 4, s.toString());
            if (Math.abs(x - 1.5) < 0.3 && n == 3 && s.get("c").equals("b")) {
                near++;
            }
        }
        // weights of 0 leave only the prior: a uniform-ish spread, about 8 % near the point
        assertTrue(near < 200, near + " near with zero-weight observations");
        JointParzen weighted = new JointParzen(MIXED, obs, filled(20, 1));
        near = 0;
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> s = weighted.sample(r);
            if (Math.abs((Double) s.get("x") - 1.5) < 0.3 && (Integer) s.get("n") == 3 && s.get("c").equals("b")) {
                near++;
            }
        }
        // kernels of bandwidth ~0.26 in x and ~0.5 in n: about half the draws land near the point
        assertTrue(near > 350, near + " near with weighted observations");
    }

    private static double[] filled(int n, double v) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, v);
        return w;
    }

    /** Good points lie on the diagonal x = y, in two far-apart clusters: only a joint model sees that. */
    @Test
    void jointSamplerKeepsParametersThatActTogetherTogether() {
        SearchSpace s = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\ny: {uniform: [0, 1]}\n");
        List<Trial> trials = new ArrayList<>();
        SplittableRandom data = new SplittableRandom(5);
        for (int t = 0; t < 40; t++) {
            double x = data.nextDouble();
            double y = data.nextDouble();
            double loss = Math.min(Math.hypot(x - 0.15, y - 0.15), Math.hypot(x - 0.85, y - 0.85));
            trials.add(new Trial(t, Map.of("x", x, "y", y), 0, TrialState.COMPLETE, List.of(-loss), Map.of(), "w", 0));
        }
        double joint = offDiagonal(new TpeSampler(TpeSampler.Settings.JOINT), s, trials);
        double independent = offDiagonal(new TpeSampler(TpeSampler.Settings.OPTUNA), s, trials);
        assertTrue(joint < independent, "mean |x - y|: joint " + joint + ", independent " + independent);
    }

    private static double offDiagonal(TpeSampler tpe, SearchSpace s, List<Trial> trials) {
        SplittableRandom r = new SplittableRandom(9);
        double sum = 0;
        for (int i = 0; i < 300; i++) {
            Map<String, Object> p = tpe.suggest(s, trials, r).orElseThrow();
            sum += Math.abs((Double) p.get("x") - (Double) p.get("y"));
        }
        return sum / 300;
    }

    @Test
    void jointTpeBeatsRandomSearchOnHartmann6() {
        SamplerBenchmark.Result rnd = SamplerBenchmark.run(TestFunction.HARTMANN6, "random", new RandomSampler(), 60, 10);
        SamplerBenchmark.Result tpe = SamplerBenchmark.run(TestFunction.HARTMANN6, "tpe",
                new TpeSampler(TpeSampler.Settings.JOINT), 60, 10);
        assertTrue(tpe.mean() < rnd.mean() - 0.3, "joint tpe " + tpe.mean() + " vs random " + rnd.mean());
    }
}
