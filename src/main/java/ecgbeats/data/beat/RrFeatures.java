package ecgbeats.data.beat;

/**
 * The rhythm of each beat of a record (docs/reference.md §1 "Rhythm"), from the record's R-peak times:
 * <ol>
 *   <li>pre-RR: seconds since the previous beat;</li>
 *   <li>post-RR: seconds to the next beat;</li>
 *   <li>local RR: the mean of the last 10 pre-RR intervals, this beat's included;</li>
 *   <li>average RR: the mean pre-RR of the beats of the past 5 minutes, this beat's included;</li>
 * </ol>
 * then the same four divided by the record's mean RR interval (its span over its intervals), a
 * per-patient normalisation that needs no labels but looks ahead within the record; then the
 * beat against the rhythm around it, from the {@value #AROUND} intervals centred on the beat
 * (its own pre-RR and the four before it, its post-RR and the four after it):
 * <ol start="9">
 *   <li>pre-RR local: pre-RR divided by their median, how early the beat came for the rhythm it
 *       came in;</li>
 *   <li>post-RR local: post-RR divided by their median, the pause after it;</li>
 *   <li>RR irregularity: the median absolute difference of successive intervals among them,
 *       divided by their median: near 0 in a regular rhythm even with an ectopic beat in it,
 *       high in atrial fibrillation, where an early beat is not an ectopic one.</li>
 * </ol>
 * Medians keep an ectopic beat from moving its own reference. The first beat's pre-RR copies its
 * post-RR and the last beat's post-RR copies its pre-RR: they have no neighbour on that side. The
 * first eight follow de Chazal et al. 2004 and Mondéjar-Guerra et al. 2019, which compute them
 * the same way from annotated or detected beats.
 */
public final class RrFeatures {

    /** Numbers per beat. */
    public static final int COUNT = 11;
    /** Numbers per beat in dataset files of format 2, which hold the first eight only. */
    public static final int FORMAT2_COUNT = 8;
    /** Where each feature sits in a beat's row (the order of {@link #NAMES}). */
    public static final int PRE_RR = 0;
    public static final int POST_RR = 1;
    public static final int LOCAL_RR = 2;
    public static final int AVERAGE_RR = 3;
    public static final int PRE_RR_NORM = 4;
    public static final int POST_RR_NORM = 5;
    public static final int LOCAL_RR_NORM = 6;
    public static final int AVERAGE_RR_NORM = 7;
    public static final int PRE_RR_LOCAL = 8;
    public static final int POST_RR_LOCAL = 9;
    public static final int RR_IRREGULARITY = 10;
    /** The features' names, in order, for CSV headers and reports. */
    public static final String[] NAMES = {"pre_rr", "post_rr", "local_rr", "average_rr",
        "pre_rr_norm", "post_rr_norm", "local_rr_norm", "average_rr_norm",
        "pre_rr_local", "post_rr_local", "rr_irregularity"};

    static final int LOCAL_BEATS = 10;
    static final double AVERAGE_SECONDS = 300;
    /** Intervals around a beat that define its local rhythm. */
    static final int AROUND = 10;

    private RrFeatures() {
    }

    /**
     * The features of every beat, {@link #COUNT} per beat in beat order.
     *
     * @param rPeaks    R-peak sample indices, ascending (every beat of the record, whatever its class)
     * @param frequency the samples' rate in Hz
     * @throws IllegalArgumentException with fewer than two beats, or peaks out of order
     */
    public static float[] of(long[] rPeaks, double frequency) {
        int n = rPeaks.length;
        if (n < 2) {
            throw new IllegalArgumentException("holds " + n + " beat" + (n == 1 ? "" : "s")
                    + ": RR intervals need at least two");
        }
        double[] pre = intervals(rPeaks, frequency);
        double recordMean = (rPeaks[n - 1] - rPeaks[0]) / frequency / (n - 1);
        float[] out = new float[n * COUNT];
        double localSum = 0;
        double windowSum = 0;
        int windowStart = 0;
        for (int i = 0; i < n; i++) {
            double post = i + 1 < n ? pre[i + 1] : pre[i];
            localSum += pre[i];
            if (i >= LOCAL_BEATS) {
                localSum -= pre[i - LOCAL_BEATS];
            }
            double local = localSum / Math.min(i + 1, LOCAL_BEATS);
            windowSum += pre[i];
            while ((rPeaks[i] - rPeaks[windowStart]) / frequency >= AVERAGE_SECONDS) {
                windowSum -= pre[windowStart];
                windowStart++;
            }
            double average = windowSum / (i - windowStart + 1);
            double[] four = {pre[i], post, local, average};
            for (int k = 0; k < 4; k++) {
                out[i * COUNT + k] = (float) four[k];
                out[i * COUNT + 4 + k] = (float) (four[k] / recordMean);
            }
            aroundBeat(pre, i, post, out, i * COUNT + 8);
        }
        return out;
    }

    /** Features 9 to 11 of beat {@code i} into {@code out} at {@code at}; {@code pre[k]} is the interval ending at beat k. */
    private static void aroundBeat(double[] pre, int i, double post, float[] out, int at) {
        int n = pre.length;
        int from = Math.max(1, i - AROUND / 2 + 1);
        int to = Math.min(n - 1, i + AROUND / 2);  // inclusive: the interval ending at beat i+5
        double[] window = new double[to - from + 1];
        double[] steps = new double[to - from];
        for (int k = from; k <= to; k++) {
            window[k - from] = pre[k];
            if (k > from) {
                steps[k - from - 1] = Math.abs(pre[k] - pre[k - 1]);
            }
        }
        double median = median(window);
        out[at] = (float) (pre[i] / median);
        out[at + 1] = (float) (post / median);
        out[at + 2] = steps.length == 0 ? 0f : (float) (median(steps) / median);
    }

    /**
     * The interval ending at each beat, in seconds at {@code frequency} (in samples at 1); the first
     * beat, which has none, copies the second's. Needs at least two peaks.
     *
     * @throws IllegalArgumentException when the peaks are out of order
     */
    static double[] intervals(long[] rPeaks, double frequency) {
        int n = rPeaks.length;
        double[] pre = new double[n];
        for (int i = 1; i < n; i++) {
            if (rPeaks[i] <= rPeaks[i - 1]) {
                throw new IllegalArgumentException("R peaks out of order at beat " + i + " (sample " + rPeaks[i]
                        + " after " + rPeaks[i - 1] + ")");
            }
            pre[i] = (rPeaks[i] - rPeaks[i - 1]) / frequency;
        }
        pre[0] = pre[1];
        return pre;
    }

    /** The median of {@code v} (left as it is). */
    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
