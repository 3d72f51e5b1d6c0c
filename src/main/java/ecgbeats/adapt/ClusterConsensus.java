package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.util.Seeds;

import java.util.SplittableRandom;

/**
 * One patient's beats grouped by shape, and each group's shape decided together: a patient's
 * beats come in a few morphologies (its normal beat, one or two ventricular ones), and a beat
 * that one model calls V among a hundred of the same shape it calls N is more likely N. The
 * classes a beat's shape decides (V, F, Q, and N-or-S together) take the mean of the group's
 * probabilities; N against S, which the rhythm decides, keeps each beat's own odds.
 * The groups are k-means clusters of the beats' samples (k-means++ seeding, Lloyd's iterations).
 */
public final class ClusterConsensus {

    private final int clusters;
    private final int iterations;

    /** @param clusters groups per recording (fewer when it has fewer beats) */
    public ClusterConsensus(int clusters, int iterations) {
        if (clusters < 1 || iterations < 1) {
            throw new IllegalArgumentException("clusters and iterations must be positive");
        }
        this.clusters = clusters;
        this.iterations = iterations;
    }

    /** Each beat's cluster, 0 to k − 1; the same beats and seed give the same clusters. */
    int[] assign(BeatTable beats, long seed) {
        int n = beats.size();
        int d = beats.beatLength();
        int k = Math.min(clusters, n);
        float[] x = beats.samples();
        double[][] centres = seeds(x, n, d, k, Seeds.random(seed, "clusters"));
        int[] assigned = new int[n];
        for (int it = 0; it < iterations; it++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDistance = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double dist = distance(x, i, d, centres[c]);
                    if (dist < bestDistance) {
                        bestDistance = dist;
                        best = c;
                    }
                }
                moved |= assigned[i] != best;
                assigned[i] = best;
            }
            if (!moved && it > 0) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assigned[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assigned[i]][j] += x[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
        }
        return assigned;
    }

    /** k-means++'s first centres: one beat at random, then each next with probability in its squared distance. */
    private static double[][] seeds(float[] x, int n, int d, int k, SplittableRandom random) {
        double[][] centres = new double[k][d];
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.MAX_VALUE);
        copy(x, random.nextInt(n), d, centres[0]);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(x, i, d, centres[c - 1]));
                total += nearest[i];
            }
            double r = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= nearest[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            copy(x, pick, d, centres[c]);
        }
        return centres;
    }

    /**
     * {@code logp} (n × 5 log-probabilities of {@code beats}, row-major) with each beat's shape
     * classes replaced by its cluster's mean; a new array.
     */
    public float[] apply(BeatTable beats, float[] logp, long seed) {
        int n = beats.size();
        int[] cluster = assign(beats, seed);
        int k = 0;
        for (int c : cluster) {
            k = Math.max(k, c + 1);
        }
        int nLabel = AamiClass.N.label();
        int sLabel = AamiClass.S.label();
        double[][] mean = new double[k][AamiClass.COUNT];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            counts[cluster[i]]++;
            for (int c = 0; c < AamiClass.COUNT; c++) {
                mean[cluster[i]][c] += Math.exp(logp[i * AamiClass.COUNT + c]);
            }
        }
        float[] out = new float[logp.length];
        for (int i = 0; i < n; i++) {
            double[] m = mean[cluster[i]];
            int size = counts[cluster[i]];
            double pn = Math.exp(logp[i * AamiClass.COUNT + nLabel]);
            double ps = Math.exp(logp[i * AamiClass.COUNT + sLabel]);
            double supraventricular = (m[nLabel] + m[sLabel]) / size;
            double sShare = pn + ps > 0 ? ps / (pn + ps) : 0.5;
            for (int c = 0; c < AamiClass.COUNT; c++) {
                double p = c == nLabel ? supraventricular * (1 - sShare)
                        : c == sLabel ? supraventricular * sShare : m[c] / size;
                out[i * AamiClass.COUNT + c] = (float) Math.log(Math.max(p, 1e-30));
            }
        }
        return out;
    }

    private static void copy(float[] x, int i, int d, double[] out) {
        for (int j = 0; j < d; j++) {
            out[j] = x[i * d + j];
        }
    }

    private static double distance(float[] x, int i, int d, double[] centre) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = x[i * d + j] - centre[j];
            s += t * t;
        }
        return s;
    }
}
