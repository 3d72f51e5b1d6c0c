package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SConfidenceFloorTest {

    private static final int N = AamiClass.N.label();
    private static final int S = AamiClass.S.label();
    private static final int V = AamiClass.V.label();

    /** Beats with these probabilities (N, S, V, F, Q each), classified by their largest. */
    private static ClassifiedRecording classified(double[][] p) {
        float[] logp = new float[p.length * AamiClass.COUNT];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < AamiClass.COUNT; c++) {
                logp[i * AamiClass.COUNT + c] = (float) Math.log(p[i][c]);
            }
        }
        return new ClassifiedRecording(null, Training.argmax(logp), logp);
    }

    @Test
    void unsureSCallsBecomeTheirNextLikeliestClassAndNothingElseMoves() {
        ClassifiedRecording c = classified(new double[][] {
            {0.005, 0.994, 0.001, 0, 0},   // a sure S call: stays
            {0.30, 0.60, 0.08, 0.01, 0.01}, // unsure, N next
            {0.05, 0.55, 0.40, 0, 0},      // unsure, V next (an early ventricular beat)
            {0.40, 0.0, 0.60, 0, 0},       // a V call: not the floor's
            {0.90, 0.09, 0.01, 0, 0}});    // an N call
        ClassifiedRecording floored = new SConfidenceFloor(0.99).apply(c);
        assertArrayEquals(new int[] {S, N, V, V, N}, floored.classes());
        assertSame(c.logProbabilities(), floored.logProbabilities(), "the probabilities are the network's");
        assertArrayEquals(new int[] {S, S, S, V, N}, c.classes(), "the calls given are not changed in place");
        assertArrayEquals(new int[] {S, S, V, V, N}, new SConfidenceFloor(0.58).apply(c).classes());
    }

    @Test
    void theFloorIsAProbability() {
        assertThrows(IllegalArgumentException.class, () -> new SConfidenceFloor(0));
        assertThrows(IllegalArgumentException.class, () -> new SConfidenceFloor(1.5));
        assertThrows(IllegalArgumentException.class, () -> new SConfidenceFloor(Double.NaN));
    }
}
