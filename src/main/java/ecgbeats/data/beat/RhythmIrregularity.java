package ecgbeats.data.beat;

import java.util.Arrays;

/**
 * How irregularly irregular the rhythm around each beat is: near 0 in sinus rhythm, also with
 * ectopic beats, bigeminy or trigeminy in it; high in atrial fibrillation and in flutter with
 * varying block, where every interval differs from the ones before it.
 *
 * <p>For beat i, over the {@value #AROUND} RR intervals centred on it: for each lag k of 1, 2 and
 * 3, the median of |RR[j] − RR[j−k]|; the least of the three, divided by the intervals' median.
 * The least over lags is what keeps a pattern regular: bigeminy alternates short and long
 * intervals (lag 1 is large, lag 2 small), trigeminy repeats every third (lag 3 small); atrial
 * fibrillation has no lag at which intervals repeat. The median keeps a few ectopic beats in a
 * regular rhythm from counting. Unlike {@link RrFeatures}' irregularity, which looks at 10
 * intervals and so is high in any run of ectopic beats, this one looks at a stretch of rhythm
 * long enough to call it fibrillation.
 */
public final class RhythmIrregularity {

    /** RR intervals around a beat that define its stretch of rhythm (40 before, 40 after). */
    public static final int AROUND = 80;
    /** The lags at which a repeating pattern is looked for. */
    static final int MAX_LAG = 3;

    private RhythmIrregularity() {
    }

    /**
     * The irregularity of the rhythm around each beat, one number per beat (0 for a record of
     * fewer than {@value #MAX_LAG} + 2 beats: no pattern to measure).
     *
     * @param rPeaks R-peak sample indices, ascending
     * @throws IllegalArgumentException when the peaks are out of order
     */
    public static double[] of(long[] rPeaks) {
        int n = rPeaks.length;
        double[] out = new double[n];
        if (n < MAX_LAG + 2) {
            return out;
        }
        double[] rr = RrFeatures.intervals(rPeaks, 1);  // in samples: the measure is a ratio
        for (int i = 0; i < n; i++) {
            int from = Math.max(MAX_LAG, i - AROUND / 2);
            int to = Math.min(n - 1, i + AROUND / 2);
            double median = RrFeatures.median(Arrays.copyOfRange(rr, from, to + 1));
            double least = Double.MAX_VALUE;
            double[] steps = new double[to - from + 1];
            for (int lag = 1; lag <= MAX_LAG; lag++) {
                for (int j = from; j <= to; j++) {
                    steps[j - from] = Math.abs(rr[j] - rr[j - lag]);
                }
                least = Math.min(least, RrFeatures.median(steps));
            }
            out[i] = least / median;
        }
        return out;
    }
}
