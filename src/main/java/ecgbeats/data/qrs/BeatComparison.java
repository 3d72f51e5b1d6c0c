package ecgbeats.data.qrs;

import ecgbeats.data.beat.AamiClass;

import java.util.List;

/**
 * Beat-by-beat comparison of classified beats with reference beats, in the manner of AAMI EC57
 * and WFDB's bxb: beats are paired within a match window; a paired beat counts in the
 * confusion of its reference and test classes; a reference beat with no partner is missed
 * (column "O" of bxb's table), a test beat with no partner is extra (row "O"). Sensitivity of a
 * class is its correctly classified reference beats over all its reference beats (missed ones
 * included); positive predictivity is the same count over all test beats given that class
 * (extra ones included). Reference beats outside the five classes are left out.
 *
 * @param confusion rows reference class, columns test class (order N, S, V, F, Q)
 * @param missed    per reference class, beats with no test beat in the window
 * @param extra     per test class, test beats with no reference beat
 */
public record BeatComparison(int[][] confusion, int[] missed, int[] extra) {

    /** Compares one record. Positions ascending, classes as AamiClass labels (−1: not one of the five). */
    public static BeatComparison of(long[] referenceSamples, int[] referenceClasses, long[] testSamples,
                                    int[] testClasses, long window) {
        int k = AamiClass.COUNT;
        int[][] confusion = new int[k][k];
        int[] missed = new int[k];
        int[] extra = new int[k];
        BeatMatcher.Result m = BeatMatcher.match(referenceSamples, testSamples, window);
        for (BeatMatcher.Pair p : m.pairs()) {
            int r = referenceClasses[p.reference()];
            if (r >= 0) {
                confusion[r][testClasses[p.detection()]]++;
            }
        }
        for (int i : m.missed()) {
            if (referenceClasses[i] >= 0) {
                missed[referenceClasses[i]]++;
            }
        }
        for (int j : m.extra()) {
            extra[testClasses[j]]++;
        }
        return new BeatComparison(confusion, missed, extra);
    }

    /** The sum of several comparisons (gross statistics pool the counts of all records). */
    public static BeatComparison sum(List<BeatComparison> parts) {
        int k = AamiClass.COUNT;
        int[][] confusion = new int[k][k];
        int[] missed = new int[k];
        int[] extra = new int[k];
        for (BeatComparison c : parts) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    confusion[i][j] += c.confusion[i][j];
                }
                missed[i] += c.missed[i];
                extra[i] += c.extra[i];
            }
        }
        return new BeatComparison(confusion, missed, extra);
    }

    /** Reference beats of class c. */
    public int reference(int c) {
        int n = missed[c];
        for (int j = 0; j < AamiClass.COUNT; j++) {
            n += confusion[c][j];
        }
        return n;
    }

    /** Test beats given class c. */
    public int predicted(int c) {
        int n = extra[c];
        for (int i = 0; i < AamiClass.COUNT; i++) {
            n += confusion[i][c];
        }
        return n;
    }

    /** Sensitivity of class c, NaN when the reference has none. */
    public double sensitivity(int c) {
        int n = reference(c);
        return n == 0 ? Double.NaN : (double) confusion[c][c] / n;
    }

    /** Positive predictivity of class c, NaN when no test beat has it. */
    public double positivePredictivity(int c) {
        int n = predicted(c);
        return n == 0 ? Double.NaN : (double) confusion[c][c] / n;
    }

    /** QRS detection: paired beats over reference beats. */
    public double qrsSensitivity() {
        int paired = paired();
        int all = paired;
        for (int m : missed) {
            all += m;
        }
        return all == 0 ? Double.NaN : (double) paired / all;
    }

    /** QRS detection: paired beats over test beats. */
    public double qrsPositivePredictivity() {
        int paired = paired();
        int all = paired;
        for (int e : extra) {
            all += e;
        }
        return all == 0 ? Double.NaN : (double) paired / all;
    }

    private int paired() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }
}
