package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EarlyRuleTest {

    private static final int S = AamiClass.S.label();
    private static final int N = AamiClass.N.label();

    /** R peaks at 360 Hz after the given intervals (seconds), the first at sample 0. */
    private static int[] peaks(List<Double> intervals) {
        int[] p = new int[intervals.size() + 1];
        for (int i = 0; i < intervals.size(); i++) {
            p[i + 1] = p[i] + (int) Math.round(intervals.get(i) * 360);
        }
        return p;
    }

    private static int[] allS(int n) {
        int[] c = new int[n];
        java.util.Arrays.fill(c, S);
        return c;
    }

    @Test
    void aRateThatChangedIsNotEarly() {
        // 40 beats of 2:1 block (1.6 s), then 40 of 1:1 conduction (0.8 s), every beat called S
        List<Double> rr = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rr.add(i < 40 ? 1.6 : 0.8);
        }
        int[] out = EarlyRule.chosen().classes(peaks(rr), 360, allS(81));
        // the window centred on the beat holds more of the new rate than of the old from the first
        // beat of 1:1 on, so none of them counts as early
        for (int i = 0; i < 81; i++) {
            assertEquals(N, out[i], "beat " + i);
        }
    }

    @Test
    void earlyBeatsBigeminyAndTachycardiaStayS() {
        List<Double> rr = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rr.add(i % 10 == 9 ? 0.5 : 0.8);              // sinus with an early beat every tenth
        }
        for (int i = 0; i < 30; i++) {
            rr.add(i % 2 == 0 ? 0.55 : 1.05);             // bigeminy: early, pause, early ...
        }
        for (int i = 0; i < 30; i++) {
            rr.add(0.45);                                  // a run at 133 a minute
        }
        int[] positions = peaks(rr);
        int[] classes = new int[positions.length];
        for (int i = 1; i < positions.length; i++) {
            double pre = rr.get(i - 1);
            classes[i] = i > 60 || pre < 0.6 ? S : N;
        }
        assertArrayEquals(classes, EarlyRule.chosen().classes(positions, 360, classes));
    }

    @Test
    void onlySCallsChangeAndTheInputStays() {
        List<Double> rr = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rr.add(0.8);
        }
        int[] classes = new int[21];
        for (int i = 0; i < 21; i++) {
            classes[i] = i % 3 == 0 ? S : i % 3 == 1 ? AamiClass.V.label() : N;
        }
        int[] out = EarlyRule.chosen().classes(peaks(rr), 360, classes);
        for (int i = 0; i < 21; i++) {
            assertEquals(i % 3 == 1 ? AamiClass.V.label() : N, out[i], "beat " + i);
        }
        assertEquals(S, classes[0], "the input is not changed");
    }

    @Test
    void refusesAShareThatCannotBeMet() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyRule(0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyRule(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> EarlyRule.chosen().classes(new int[3], 360, new int[2]));
    }
}
