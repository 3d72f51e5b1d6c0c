package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The per-step schedules and label smoothing against PyTorch 1.13's own numbers (Debian's
 * python3-torch: OneCycleLR(max_lr=2e-3, total_steps=20, pct_start=0.3); SequentialLR of
 * LinearLR(start_factor=1/25, total_iters=6) and CosineAnnealingLR(T_max=14, eta_min=1e-5);
 * cross_entropy(weight=w, label_smoothing=0.1)), printed by a script and copied here.
 */
class LrScheduleTest {

    private static final double[] ONECYCLE = {8e-05, 0.000263343685, 0.000743343685, 0.001336656315, 0.001816656315,
        0.002, 0.001974928012, 0.001900969264, 0.001781832355, 0.001623491308, 0.001433886004, 0.001222524044,
        0.001000004, 0.000777483956, 0.000566121996, 0.000376516692, 0.000218175645, 9.9038736e-05, 2.5079988e-05,
        8e-09};
    private static final double[] COSINE = {8e-05, 0.0004, 0.00072, 0.00104, 0.00136, 0.00168, 0.002, 0.001975053273,
        0.001901464024, 0.001782922325, 0.001625372353, 0.00143671432, 0.001226408329, 0.001005, 0.000783591671,
        0.00057328568, 0.000384627647, 0.000227077675, 0.000108535976, 3.4946727e-05};

    @Test
    void oneCycleIsPyTorchs() {
        for (int i = 0; i < ONECYCLE.length; i++) {
            assertEquals(ONECYCLE[i], LrSchedule.ONECYCLE.at(i, 20, 2e-3, 0.3, 0), 1e-11, "step " + i);
        }
    }

    @Test
    void cosineWithLinearWarmupIsPyTorchs() {
        for (int i = 0; i < COSINE.length; i++) {
            assertEquals(COSINE[i], LrSchedule.COSINE.at(i, 20, 2e-3, 0.3, 1e-5), 1e-11, "step " + i);
        }
    }

    @Test
    void plateauIsSetByEpochNotByStep() {
        assertThrows(IllegalStateException.class, () -> LrSchedule.PLATEAU.at(0, 10, 1e-3, 0.3, 0));
        assertEquals(LrSchedule.ONECYCLE, TrainSettings.defaults().with("scheduler", "OneCycle").scheduler());
    }

    @Test
    void smoothedWeightedCrossEntropyIsPyTorchs() {
        float[][] logits = {{1.0f, 0.5f, -0.3f, 0.2f, 0.0f}, {0.1f, 2.0f, 0.3f, -1.0f, 0.5f},
            {-0.5f, 0.0f, 1.5f, 0.2f, 0.1f}};
        BeatTable t = new BeatTable(1, new float[3], new byte[] {0, 1, 2}, new short[3], new int[3]);
        double[] w = {0.5, 3.0, 1.5, 10.0, 2.0};
        float[] target = new float[15];
        Training.fillTarget(t, new int[] {0, 1, 2}, 0, 3, w, 0.1, target);
        double loss = 0;
        for (int i = 0; i < 3; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (float v : logits[i]) {
                z += Math.exp(v - max);
            }
            for (int c = 0; c < 5; c++) {
                loss -= target[i * 5 + c] * (logits[i][c] - max - Math.log(z));
            }
        }
        assertEquals(0.9423757791519165, loss, 1e-6);
    }
}
