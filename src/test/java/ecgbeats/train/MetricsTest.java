package ecgbeats.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {

    @Test
    void metricsOverAWholeSplitMatchAHandComputation() {
        // truth: 4 N, 2 S, 2 V, 1 F, 1 Q
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2, 3, 4};
        int[] pred = {0, 0, 0, 1, 1, 0, 2, 2, 2, 4};
        Metrics m = Metrics.of("test", truth, pred);
        assertEquals(10, m.n());
        assertEquals(0.7, m.accuracy(), 1e-12);
        // recall: N 3/4, S 1/2, V 1, F 0, Q 1
        assertEquals((0.75 + 0.5 + 1 + 0 + 1) / 5, m.recallMacro(), 1e-12);
        // precision: N 3/4, S 1/2, V 2/3, F 0 (never predicted), Q 1
        assertEquals((0.75 + 0.5 + 2.0 / 3 + 0 + 1) / 5, m.precisionMacro(), 1e-12);
        double f1V = 2 * (2.0 / 3) * 1 / (2.0 / 3 + 1);
        assertEquals((0.75 + 0.5 + f1V + 0 + 1) / 5, m.f1Macro(), 1e-12);
        assertEquals(4, m.perClass().get("N").support());
        assertEquals(0.8, m.perClass().get("V").f1(), 1e-12);
        assertArrayEquals(new int[] {3, 1, 0, 0, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 0, 1, 0, 0}, m.confusion()[3]);
    }

    @Test
    void macroAveragesSkipClassesAbsentFromTheSplit() {
        int[] truth = {0, 0, 2, 2};
        int[] pred = {0, 2, 2, 2};
        Metrics m = Metrics.of("valid", truth, pred);
        assertEquals((0.5 + 1) / 2, m.recallMacro(), 1e-12);
        assertEquals((1 + 2.0 / 3) / 2, m.precisionMacro(), 1e-12);
        assertEquals(0.75, m.get(Objective.RECALL_MACRO), 1e-12);
        assertEquals(0.75, m.get(Objective.ACCURACY), 1e-12);
    }

    @Test
    void perBatchAveragingWouldDifferFromTheWholeSplit() {
        // two batches: the study's per-batch macro recall averages 1.0 and 0.5 to 0.75;
        // over the whole split S recall is 1/3 and N recall 1, so macro recall is 2/3
        int[] truth = {1, 0, 1, 1};
        int[] pred = {1, 0, 0, 0};
        assertEquals(2.0 / 3, Metrics.of("x", truth, pred).recallMacro(), 1e-12);
    }
}
