package ecgbeats.data.balance;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

import java.util.stream.IntStream;

/**
 * SMOTE (Chawla et al. 2002) with the semantics of imbalanced-learn's
 * {@code SMOTE(sampling_strategy='auto', k_neighbors=k)}: every class smaller than the
 * majority grows to the majority count; each new beat picks a beat x of its class and one of
 * x's k nearest neighbours x' in that class (Euclidean, x itself excluded) uniformly among all
 * (beat, neighbour) pairs, and is x + u·(x' − x) with u ~ U(0, 1). A class with k or fewer
 * beats uses all the others as neighbours; a class of one beat is copied. RR features, when the
 * beats have them, are interpolated with the same u; neighbours are found on the samples alone.
 *
 * <p>The neighbour search is exact and brute force, O(m²·d) per class of m beats, spread over
 * the cores; it takes seconds on the full MIT-BIH train split.
 */
final class Smote implements Balancer {

    private final int k;

    Smote(int k) {
        this.k = k;
    }

    @Override
    public BeatTable balance(BeatTable train, java.util.SplittableRandom random) {
        int[][] rows = ClassRows.of(train);
        int target = ClassRows.max(train.classCounts());
        int d = train.beatLength();
        int w = train.rrWidth();
        BeatTable.Builder out = new BeatTable.Builder(d, w).addAll(train);
        float[] beat = new float[d];
        float[] rhythm = train.hasRr() ? new float[w] : null;
        for (int c = 0; c < AamiClass.COUNT; c++) {
            int m = rows[c].length;
            if (m == 0 || m >= target) {
                continue;
            }
            BeatTable members = train.select(rows[c]);
            float[] x = members.samples();
            float[] f = members.rr();
            int kk = Math.min(k, m - 1);
            int[][] nn = kk == 0 ? null : neighbours(x, m, d, kk);
            for (int s = m; s < target; s++) {
                if (kk == 0) {
                    out.add(x, 0, c, BeatTable.SYNTHETIC, -1, f, 0);
                    continue;
                }
                int pick = random.nextInt(m * kk);
                int row = pick / kk;
                int other = nn[row][pick % kk];
                double u = random.nextDouble();
                for (int t = 0; t < d; t++) {
                    float a = x[row * d + t];
                    beat[t] = (float) (a + u * (x[other * d + t] - a));
                }
                if (f != null) {
                    for (int t = 0; t < w; t++) {
                        float a = f[row * w + t];
                        rhythm[t] = (float) (a + u * (f[other * w + t] - a));
                    }
                }
                out.add(beat, 0, c, BeatTable.SYNTHETIC, -1, rhythm, 0);
            }
        }
        return out.build();
    }

    /** For each of the m rows of x (each d long), the indices of its kk nearest other rows, nearest first. */
    static int[][] neighbours(float[] x, int m, int d, int kk) {
        double[] norms = new double[m];
        for (int i = 0; i < m; i++) {
            norms[i] = dot(x, i * d, x, i * d, d);
        }
        int[][] nn = new int[m][];
        IntStream.range(0, m).parallel().forEach(i -> {
            int[] best = new int[kk];
            double[] bestD = new double[kk];
            java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
            int io = i * d;
            for (int j = 0; j < m; j++) {
                if (j == i) {
                    continue;
                }
                double dist = norms[i] + norms[j] - 2 * dot(x, io, x, j * d, d);
                if (dist < bestD[kk - 1]) {
                    int p = kk - 1;
                    while (p > 0 && bestD[p - 1] > dist) { // ties keep the lower index first
                        bestD[p] = bestD[p - 1];
                        best[p] = best[p - 1];
                        p--;
                    }
                    bestD[p] = dist;
                    best[p] = j;
                }
            }
            nn[i] = best;
        });
        return nn;
    }

    /** Dot product with four independent accumulators, so the loop is not bound by one add chain. */
    private static double dot(float[] a, int ao, float[] b, int bo, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int t = 0;
        for (; t + 3 < d; t += 4) {
            s0 += a[ao + t] * b[bo + t];
            s1 += a[ao + t + 1] * b[bo + t + 1];
            s2 += a[ao + t + 2] * b[bo + t + 2];
            s3 += a[ao + t + 3] * b[bo + t + 3];
        }
        for (; t < d; t++) {
            s0 += a[ao + t] * b[bo + t];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}
