package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;

/**
 * How a model with {@code features=rr} standardises each RR feature: (x − mean) / deviation,
 * with the mean and the (population) standard deviation of the train split's beats, as they
 * are before sampling or balancing. A feature that never varies keeps deviation 1.
 */
public record RhythmScaling(float[] mean, float[] deviation) {

    /** The statistics of the first {@code width} RR features of {@code train}, which carries at least that many. */
    public static RhythmScaling of(BeatTable train, int width) {
        if (train.rrWidth() < width) {
            throw new IllegalArgumentException(width + " RR features asked of beats that carry " + train.rrWidth());
        }
        float[] rr = train.rr();
        int stride = train.rrWidth();
        int n = train.size();
        double[] sum = new double[width];
        double[] squares = new double[width];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < width; k++) {
                double v = rr[i * stride + k];
                sum[k] += v;
                squares[k] += v * v;
            }
        }
        float[] mean = new float[width];
        float[] deviation = new float[width];
        for (int k = 0; k < width; k++) {
            double m = n == 0 ? 0 : sum[k] / n;
            double var = n == 0 ? 0 : Math.max(0, squares[k] / n - m * m);
            mean[k] = (float) m;
            deviation[k] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new RhythmScaling(mean, deviation);
    }
}
