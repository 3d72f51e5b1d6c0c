package ecgbeats.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoliciesTest {

    @Test
    void plateauCutsTheRateAfterPatienceEpochsWithoutImprovement() {
        PlateauScheduler p = new PlateauScheduler(1e-3, 0.2, 2, 1e-5);
        assertEquals(1e-3, p.step(1.0), 0);   // best 1.0
        assertEquals(1e-3, p.step(0.9), 0);   // improves
        assertEquals(1e-3, p.step(0.95), 0);  // bad 1
        assertEquals(1e-3, p.step(0.9), 0);   // bad 2 (equal is no improvement)
        assertEquals(2e-4, p.step(0.91), 1e-12); // bad 3 > patience 2: cut
        assertEquals(2e-4, p.step(0.92), 1e-12); // count restarted
        assertEquals(2e-4, p.step(0.93), 1e-12);
        assertEquals(4e-5, p.step(0.94), 1e-12);
        p.step(1);
        p.step(1);
        assertEquals(1e-5, p.step(1), 1e-12);  // never below min_lr
    }

    @Test
    void plateauNeedsARelativeImprovementAboveTheThreshold() {
        PlateauScheduler p = new PlateauScheduler(1, 0.5, 0, 0);
        p.step(1.0);
        assertEquals(0.5, p.step(0.99995), 0); // less than 1e-4 relative: not an improvement
        assertEquals(0.5, p.step(0.9), 0);
    }

    @Test
    void earlyStoppingRemembersTheBestEpochAndStopsAfterPatience() {
        EarlyStopping e = new EarlyStopping(2);
        assertTrue(e.record(1, 0.5));
        assertTrue(e.record(2, 0.7));
        assertFalse(e.record(3, 0.7));
        assertFalse(e.shouldStop());
        assertFalse(e.record(4, 0.6));
        assertTrue(e.shouldStop());
        assertEquals(2, e.bestEpoch());
        assertEquals(0.7, e.best(), 0);
    }
}
