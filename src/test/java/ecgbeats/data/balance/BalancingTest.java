package ecgbeats.data.balance;

import ecgbeats.util.BadInputException;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.Protocol;
import ecgbeats.data.Provenance;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancingTest {

    private static final int D = 4;

    /** Random beats of D samples; class c has perClass[c] beats, each with a unique position. */
    static BeatTable table(long seed, int... perClass) {
        SplittableRandom r = new SplittableRandom(seed);
        BeatTable.Builder b = new BeatTable.Builder(D);
        int id = 0;
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                float[] x = new float[D];
                for (int k = 0; k < D; k++) {
                    x[k] = (float) (r.nextGaussian() + 3 * c);
                }
                b.add(x, 0, c, 200 + c, id++);
            }
        }
        return b.build();
    }

    /** {@link #table} with RR features that are an affine function of each beat: rr_k = 2·x_0 + k. */
    static BeatTable withAffineRr(BeatTable t) {
        float[] rr = new float[t.size() * RrFeatures.COUNT];
        for (int i = 0; i < t.size(); i++) {
            for (int k = 0; k < RrFeatures.COUNT; k++) {
                rr[i * RrFeatures.COUNT + k] = 2 * t.samples()[i * D] + k;
            }
        }
        return new BeatTable(D, t.samples(), t.labels(), t.records(), t.positions(), rr);
    }

    @Test
    void everyMethodCarriesRrFeaturesAlongWithTheirBeat() {
        BeatTable t = withAffineRr(table(4, 200, 40, 12, 3, 1));
        for (BalanceMethod m : List.of(BalanceMethod.SMOTE, BalanceMethod.OVERSAMPLE, BalanceMethod.UNDERSAMPLE)) {
            BeatTable b = m.balancer().balance(t, new SplittableRandom(8));
            assertTrue(b.hasRr(), m.id());
            // an affine function commutes with SMOTE's interpolation only if the features use the beat's own u
            for (int i = 0; i < b.size(); i++) {
                for (int k = 0; k < RrFeatures.COUNT; k++) {
                    assertEquals(2 * b.samples()[i * D] + k, b.rr()[i * RrFeatures.COUNT + k], 1e-4,
                            m.id() + " beat " + i + " feature " + k);
                }
            }
        }
    }

    private static float[] row(BeatTable t, int i) {
        return Arrays.copyOfRange(t.samples(), i * D, (i + 1) * D);
    }

    @Test
    void oversamplingCopiesBeatsOfTheSameClassUpToTheMajority() {
        BeatTable t = table(1, 100, 10, 3, 1, 0);
        BeatTable o = BalanceMethod.OVERSAMPLE.balancer().balance(t, new SplittableRandom(2));
        assertArrayEquals(new int[] {100, 100, 100, 100, 0}, o.classCounts());
        for (int i = 0; i < t.size(); i++) {
            assertArrayEquals(row(t, i), row(o, i), "originals come first, unchanged");
        }
        for (int i = t.size(); i < o.size(); i++) {
            int src = o.positions()[i];
            assertEquals(t.label(src), o.label(i));
            assertArrayEquals(row(t, src), row(o, i));
        }
    }

    @Test
    void undersamplingCutsEveryClassToTheSmallest() {
        BeatTable t = table(1, 100, 10, 3, 0, 20);
        BeatTable u = BalanceMethod.UNDERSAMPLE.balancer().balance(t, new SplittableRandom(2));
        assertArrayEquals(new int[] {3, 3, 3, 0, 3}, u.classCounts());
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < u.size(); i++) {
            assertTrue(ids.add(u.positions()[i]), "drawn without replacement");
            assertArrayEquals(row(t, u.positions()[i]), row(u, i));
        }
    }

    @Test
    void smoteInterpolatesBetweenABeatAndOneOfItsFiveNearestNeighbours() {
        BeatTable t = table(4, 200, 40, 12, 3, 1);
        BeatTable s = BalanceMethod.SMOTE.balancer().balance(t, new SplittableRandom(8));
        assertArrayEquals(new int[] {200, 200, 200, 200, 200}, s.classCounts());
        for (int i = 0; i < t.size(); i++) {
            assertArrayEquals(row(t, i), row(s, i));
        }
        for (int i = t.size(); i < s.size(); i++) {
            assertEquals(BeatTable.SYNTHETIC, s.records()[i]);
            int c = s.label(i);
            assertTrue(onSmoteSegment(t, c, row(s, i)), "synthetic beat " + i + " of class " + c);
        }
    }

    /** Whether z = x + u (x' - x), u in [0, 1], for some x of class c and x' among x's 5 nearest (by brute force). */
    private static boolean onSmoteSegment(BeatTable t, int c, float[] z) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.label(i) == c) {
                members.add(i);
            }
        }
        if (members.size() == 1) {
            return Arrays.equals(row(t, members.get(0)), z);
        }
        int k = Math.min(5, members.size() - 1);
        for (int a : members) {
            float[] x = row(t, a);
            List<Integer> others = new ArrayList<>(members);
            others.remove(Integer.valueOf(a));
            others.sort((p, q) -> Double.compare(dist(x, row(t, p)), dist(x, row(t, q))));
            for (int n : others.subList(0, k)) {
                float[] y = row(t, n);
                double u = (z[0] - x[0]) / (y[0] - x[0]);
                if (u < -1e-6 || u > 1 + 1e-6) {
                    continue;
                }
                boolean all = true;
                for (int d = 0; d < D && all; d++) {
                    all = Math.abs(x[d] + u * (y[d] - x[d]) - z[d]) < 1e-4;
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double dist(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return s;
    }

    @Test
    void smoteNeighboursMatchBruteForce() {
        BeatTable t = table(11, 0, 60);
        int[][] nn = Smote.neighbours(t.samples(), 60, D, 5);
        for (int i = 0; i < 60; i++) {
            final int self = i;
            Integer[] order = new Integer[60];
            for (int j = 0; j < 60; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (p, q) -> Double.compare(dist(row(t, self), row(t, p)), dist(row(t, self), row(t, q))));
            assertEquals(self, order[0]);
            for (int j = 0; j < 5; j++) {
                assertEquals(order[j + 1], nn[i][j], "row " + i + " neighbour " + j);
            }
        }
    }

    @Test
    void sameSeedSameBeatsOtherSeedOtherBeats() {
        BeatTable t = table(4, 200, 40, 12, 3, 1);
        for (BalanceMethod m : List.of(BalanceMethod.SMOTE, BalanceMethod.OVERSAMPLE, BalanceMethod.UNDERSAMPLE)) {
            BeatTable a = m.balancer().balance(t, new SplittableRandom(1));
            BeatTable b = m.balancer().balance(t, new SplittableRandom(1));
            BeatTable c = m.balancer().balance(t, new SplittableRandom(2));
            assertArrayEquals(a.samples(), b.samples(), m.id());
            assertTrue(!Arrays.equals(a.samples(), c.samples()), m.id());
        }
    }

    @Test
    void datasetBalancingChangesTrainOnlyAndOnlyOnce() {
        Provenance p = new Provenance(Protocol.INTRA, 1, 0.2, 0.1, "test", List.of(), List.of(), Map.of(), null, null, "t");
        BeatDataset d = new BeatDataset(p, table(1, 50, 5, 5, 5, 5), table(2, 10, 1, 1, 1, 1), table(3, 12, 2, 2, 2, 2));
        BeatDataset b = d.balanced(BalanceMethod.SMOTE, 9);
        assertArrayEquals(new int[] {50, 50, 50, 50, 50}, b.train().classCounts());
        assertArrayEquals(d.valid().samples(), b.valid().samples());
        assertArrayEquals(d.test().samples(), b.test().samples());
        assertNotNull(b.provenance().balancing());
        assertEquals(9, b.provenance().balancing().seed());
        assertArrayEquals(new int[] {50, 5, 5, 5, 5}, b.provenance().balancing().before());
        BadInputException e = assertThrows(BadInputException.class, () -> b.balanced(BalanceMethod.OVERSAMPLE, 1));
        assertTrue(e.getMessage().contains("already balanced (smote"), e.getMessage());
    }

    @Test
    void balancedClassWeightsAreNOverKTimesNc() {
        double[] w = ClassWeights.balanced(new int[] {80, 10, 10, 0, 0});
        // n = 100, k = 3 classes present
        assertArrayEquals(new double[] {100 / 240.0, 100 / 30.0, 100 / 30.0, 0, 0}, w, 1e-12);
    }

    @Test
    void aClassOfAHandfulOfBeatsIsWeightedAtTheCeiling() {
        // DS1 as the inter-patient train split holds it: N, S, V, F, Q
        double[] w = ClassWeights.balanced(new int[] {41_279, 850, 3_409, 373, 7});
        double n = 41_279 + 850 + 3_409 + 373 + 7;
        assertEquals(n / (5 * 41_279.0), w[0], 1e-12);
        assertEquals(n / (5 * 373.0), w[3], 1e-12, "F keeps its balanced weight, 24.6");
        assertEquals(ClassWeights.CEILING, w[4], 0, "Q's balanced weight would be 1,312");
    }
}
