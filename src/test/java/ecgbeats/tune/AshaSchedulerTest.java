package ecgbeats.tune;

import ecgbeats.util.Decision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AshaSchedulerTest {

    @Test
    void rungsGrowByTheReductionFactorBelowTheLimit() {
        assertArrayEquals(new int[] {1, 3, 9, 27}, new AshaScheduler(1, 3, 30).rungs());
        assertArrayEquals(new int[] {1, 3, 9}, new AshaScheduler(1, 3, 27).rungs());
        assertArrayEquals(new int[] {2, 6}, new AshaScheduler(2, 3, 10).rungs());
    }

    @Test
    void aTrialBelowTheTopThirdAtARungIsStopped() {
        AshaScheduler a = new AshaScheduler(1, 3, 10);
        assertEquals(Decision.CONTINUE, a.onEpoch(0, 1, 0.5)); // first at the rung
        assertEquals(Decision.CONTINUE, a.onEpoch(1, 1, 0.7)); // above 0.5
        // recorded 0.5, 0.7: the 66.7th percentile is 0.5 + 0.667 * 0.2 = 0.633
        assertEquals(Decision.STOP, a.onEpoch(2, 1, 0.6));
        assertEquals(Decision.CONTINUE, a.onEpoch(3, 1, 0.65));
        assertEquals(Decision.CONTINUE, a.onEpoch(0, 2, 0.1)); // not a rung
        assertEquals(Decision.CONTINUE, a.onEpoch(1, 3, 0.8)); // first at rung 3
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        assertEquals(2.5, AshaScheduler.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50), 1e-12);
        assertEquals(3.0, AshaScheduler.percentile(List.of(3.0), 66), 1e-12);
    }
}
