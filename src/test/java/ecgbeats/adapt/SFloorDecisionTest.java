package ecgbeats.adapt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SFloorDecisionTest {

    private static boolean spread(int[] rows, int beats) {
        return new PatientLabels(null, rows, new byte[rows.length], 0, "", 0).spreadOver(beats);
    }

    @Test
    void labelsAreASampleOfTheRecordingWhenTheyReachIntoItsFirstAndLastTenth() {
        assertTrue(spread(new int[] {5, 500, 995}, 1000));
        assertTrue(spread(new int[] {99, 900}, 1000));
        assertFalse(spread(new int[] {100, 995}, 1000), "none in the first tenth");
        assertFalse(spread(new int[] {0, 899}, 1000), "none in the last tenth");
        assertFalse(spread(java.util.stream.IntStream.range(0, 350).toArray(), 2000),
                "the first minutes of a record");
        assertFalse(spread(new int[0], 1000));
        assertTrue(spread(new int[] {0, 4}, 5), "a short recording");
    }

    @Test
    void theFloorAppliesExactlyWhenSpreadLabelsHoldNoSBeat() {
        new SFloorDecision(0.99, true, 0, true);
        new SFloorDecision(0.99, false, 2, true);
        new SFloorDecision(0.99, false, 0, false);
        assertThrows(IllegalArgumentException.class, () -> new SFloorDecision(0.99, true, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new SFloorDecision(0.99, true, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new SFloorDecision(0.99, false, 0, true));
    }
}
