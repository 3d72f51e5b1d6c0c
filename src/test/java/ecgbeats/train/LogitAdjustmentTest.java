package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** τ is chosen on validation within the accuracy budget, and the bias lands in the output layer exactly. */
class LogitAdjustmentTest {

    private static float[] lp(double n, double s) {
        return new float[] {(float) Math.log(n), (float) Math.log(s), -30f, -30f, -30f};
    }

    /**
     * Five beats: two N the model is sure of, one S it calls N (0.6 against 0.4), and two N it
     * nearly calls S (0.55 and 0.56 against the rest), which turn S before the S beat does.
     */
    private static float[] flat() {
        double[][] p = {{0.9, 0.1}, {0.95, 0.05}, {0.6, 0.4}, {0.55, 0.45}, {0.56, 0.44}};
        float[] out = new float[25];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(lp(p[i][0], p[i][1]), 0, out, i * 5, 5);
        }
        return out;
    }

    private static final BeatTable VALID = new BeatTable(1, new float[5], new byte[] {0, 0, 1, 0, 0}, new short[5],
            new int[5]);
    /** S is a tenth of N in training: log-prior gap ln 10. */
    private static final int[] TRAIN = {1000, 100, 100, 100, 100};

    @Test
    void theMostRecallWithinTheBudget() {
        LogitAdjustment none = LogitAdjustment.choose(flat(), VALID, TRAIN, 0.0);
        assertEquals(0.0, none.tau(), "no accuracy to give up: finding the S beat costs two N beats");
        assertArrayEquals(new double[] {0.8, 0.5}, none.validBefore(), 1e-9);
        // with a quarter of accuracy to give, S is found once τ ln 10 passes ln 1.5 (τ 0.2)
        LogitAdjustment some = LogitAdjustment.choose(flat(), VALID, TRAIN, 0.25);
        assertEquals(0.2, some.tau(), 1e-9);
        assertArrayEquals(new double[] {0.6, 0.75}, some.validAfter(), 1e-9);
        assertEquals(-0.2 * Math.log(100.0 / 1400), some.bias()[1], 1e-9);
    }

    @Test
    void theBiasShiftsEveryBeatsLogits() {
        RunConfig rc = SyntheticBeats.smallCnn2d();
        BeatTable beats = SyntheticBeats.table(4, 1);
        try (Network net = Network.create(rc.model(), 2)) {
            float[] before = net.logProbabilities(beats, 8);
            double[] bias = {0.0, 1.5, -0.5, 0.25, 2.0};
            net.addToOutputBias(bias);
            float[] after = net.logProbabilities(beats, 8);
            for (int i = 0; i < beats.size(); i++) {
                double z = 0;
                for (int c = 0; c < 5; c++) {
                    z += Math.exp(before[i * 5 + c] + bias[c]);
                }
                for (int c = 0; c < 5; c++) {
                    assertEquals(before[i * 5 + c] + bias[c] - Math.log(z), after[i * 5 + c], 1e-4);
                }
            }
        }
    }
}
