package ecgbeats.data.qrs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BeatMatcherTest {

    @Test
    void pairsOneToOneWithinTheWindow() {
        long[] ref = {100, 200, 300, 400};
        long[] det = {104, 190, 196, 460, 500};
        BeatMatcher.Result m = BeatMatcher.match(ref, det, 54);
        assertEquals(List.of(new BeatMatcher.Pair(0, 0), new BeatMatcher.Pair(1, 2)), m.pairs());
        assertEquals(List.of(2, 3), m.missed());     // 300 has nothing within 54; 460 is 60 from 400
        assertEquals(List.of(1, 3, 4), m.extra());   // 190 lost to the nearer 196
        assertEquals(0.5, m.sensitivity(), 1e-12);
        assertEquals(0.4, m.positivePredictivity(), 1e-12);
    }

    @Test
    void aDetectionBetweenTwoBeatsGoesToTheNearerOne() {
        BeatMatcher.Result m = BeatMatcher.match(new long[] {100, 140}, new long[] {125}, 50);
        assertEquals(List.of(new BeatMatcher.Pair(1, 0)), m.pairs());
        assertEquals(List.of(0), m.missed());
    }

    @Test
    void beatComparisonCountsConfusionMissedAndExtraBeats() {
        // reference N, V, S, F at 100..400; test beats: N at 102, N at 205 (a missed V), S at 298, one extra V
        BeatComparison c = BeatComparison.of(new long[] {100, 200, 300, 400}, new int[] {0, 2, 1, 3},
                new long[] {102, 205, 298, 700}, new int[] {0, 0, 1, 2}, 54);
        assertEquals(1, c.confusion()[2][0]);
        assertArrayEquals(new int[] {0, 0, 0, 1, 0}, c.missed());
        assertArrayEquals(new int[] {0, 0, 1, 0, 0}, c.extra());
        assertEquals(1.0, c.sensitivity(0), 1e-12);
        assertEquals(0.5, c.positivePredictivity(0), 1e-12);
        assertEquals(0.0, c.sensitivity(2), 1e-12);
        assertEquals(0.0, c.positivePredictivity(2), 1e-12);
        assertEquals(0.75, c.qrsSensitivity(), 1e-12);
        assertEquals(0.75, c.qrsPositivePredictivity(), 1e-12);
        assertEquals(Double.NaN, c.sensitivity(4));
        BeatComparison twice = BeatComparison.sum(List.of(c, c));
        assertEquals(2, twice.confusion()[2][0]);
        assertEquals(c.sensitivity(0), twice.sensitivity(0), 1e-12);
    }
}
