package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;

/**
 * How a model with {@code features=rr} standardises each RR feature: (x − mean) / deviation,
 * with the mean and the (population) standard deviation of the train split's beats, as they
 * are before sampling or balancing. A feature that never varies keeps deviation 1.
 */
public record RhythmScaling(float[] mean, float[] deviation) {

    public static RhythmScaling of(BeatTable train) {
        float[] rr = train.rr();
        int n = train.size();
        double[] sum = new double[RrFeatures.COUNT];
        double[] squares = new double[RrFeatures.COUNT];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < RrFeatures.COUNT; k++) {
                double v = rr[i * RrFeatures.COUNT + k];
                sum[k] += v;
                squares[k] += v * v;
            }
        }
        float[] mean = new float[RrFeatures.COUNT];
        float[] deviation = new float[RrFeatures.COUNT];
        for (int k = 0; k < RrFeatures.COUNT; k++) {
            double m = n == 0 ? 0 : sum[k] / n;
            double var = n == 0 ? 0 : Math.max(0, squares[k] / n - m * m);
            mean[k] = (float) m;
            deviation[k] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new RhythmScaling(mean, deviation);
    }
}
