package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FibrillationRuleTest {

    @Test
    void sCallsInFibrillationBecomeNAndEverythingElseStays() {
        // 150 beats of sinus rhythm with an early beat every tenth, then 150 of fibrillation, at 360 Hz
        SplittableRandom random = new SplittableRandom(11);
        int n = 300;
        int[] positions = new int[n];
        int[] classes = new int[n];
        for (int i = 1; i < n; i++) {
            double rr = i < 150 ? (i % 10 == 0 ? 0.5 : 0.8) : 0.4 + 0.6 * random.nextDouble();
            positions[i] = positions[i - 1] + (int) Math.round(rr * 360);
            classes[i] = i % 10 == 0 ? AamiClass.S.label() : i % 7 == 0 ? AamiClass.V.label() : AamiClass.N.label();
        }
        int[] out = FibrillationRule.chosen().classes(positions, classes);
        for (int i = 0; i < n; i++) {
            boolean inFibrillation = i >= 200;  // more than 40 intervals into it
            int expected = classes[i] == AamiClass.S.label() && inFibrillation ? AamiClass.N.label() : classes[i];
            if (i < 110 || i >= 200) {
                assertEquals(expected, out[i], "beat " + i);
            }
        }
        assertEquals(AamiClass.S.label(), classes[250], "the input is not changed");
    }

    @Test
    void refusesAThresholdThatCannotBeMet() {
        assertThrows(IllegalArgumentException.class, () -> new FibrillationRule(0));
        assertThrows(IllegalArgumentException.class, () -> new FibrillationRule(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FibrillationRule(1).classes(new int[3], new int[2]));
    }
}
