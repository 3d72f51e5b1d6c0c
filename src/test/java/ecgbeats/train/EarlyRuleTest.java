package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyRuleTest {

    private static final int S = AamiClass.S.label();
    private static final int N = AamiClass.N.label();
    private static final EarlyRule RULE = new EarlyRule(EarlyRule.CHOSEN);

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
        int[] out = RULE.classes(peaks(rr), 360, allS(81));
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
        assertArrayEquals(classes, RULE.classes(positions, 360, classes));
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
        int[] out = RULE.classes(peaks(rr), 360, classes);
        for (int i = 0; i < 21; i++) {
            assertEquals(i % 3 == 1 ? AamiClass.V.label() : N, out[i], "beat " + i);
        }
        assertEquals(S, classes[0], "the input is not changed");
    }

    @Test
    void thePatientsLabelledSBeatsSayWhetherTheRuleHolds() {
        // sinus at 0.8 s with an early beat every tenth, then a stretch of ectopic rhythm at 0.75 s
        List<Double> rr = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rr.add(i % 10 == 9 ? 0.5 : 0.8);
        }
        for (int i = 0; i < 40; i++) {
            rr.add(0.75);
        }
        int[] positions = peaks(rr);
        int early = 10;   // the beat after the tenth interval, 0.5 s: early
        int onTime = 60;  // in the middle of the ectopic stretch: on time
        byte s = (byte) S;
        byte n = (byte) N;
        assertEquals(0, RULE.labelledSOnTime(positions, 360, new int[] {early, 20, 30}, new byte[] {s, n, n}),
                "an early S beat and N beats: the rule holds");
        assertEquals(0, RULE.labelledSOnTime(positions, 360, new int[] {5, 15}, new byte[] {n, n}),
                "no S beat labelled: the rule holds");
        assertEquals(1, RULE.labelledSOnTime(positions, 360, new int[] {early, onTime}, new byte[] {s, s}),
                "an S beat on time: the patient's S beats are its rhythm");
        boolean[] t = RULE.onTime(positions, 360);
        assertFalse(t[early]);
        assertTrue(t[onTime]);
    }

    @Test
    void refusesAShareThatCannotBeMet() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyRule(0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyRule(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> RULE.classes(new int[3], 360, new int[2]));
    }
}
