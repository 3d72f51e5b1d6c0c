package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RhythmCopiesTest {

    private static final int LENGTH = 4;

    /** {@code n} beats, every fifth one V, the rest N; the N beats' rhythm regular when {@code irregularity} is small. */
    private static BeatTable beats(int n, float irregularity) {
        float[] samples = new float[n * LENGTH];
        byte[] labels = new byte[n];
        float[] rr = new float[n * RrFeatures.COUNT];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 5 == 4 ? AamiClass.V.label() : AamiClass.N.label());
            for (int k = 0; k < LENGTH; k++) {
                samples[i * LENGTH + k] = i * 10 + k;
            }
            float[] f = {0.8f + 0.01f * i, 0.82f, 0.81f, 0.8f, 1.0f, 1.02f, 1.01f, 1.0f, 1.0f, 1.01f, irregularity};
            System.arraycopy(f, 0, rr, i * RrFeatures.COUNT, RrFeatures.COUNT);
        }
        short[] records = new short[n];
        Arrays.fill(records, (short) 232);
        int[] positions = java.util.stream.IntStream.range(0, n).map(i -> 100 + 300 * i).toArray();
        return new BeatTable(LENGTH, samples, labels, records, positions, rr);
    }

    private static float[] features(BeatTable t, int i) {
        return Arrays.copyOfRange(t.rr(), i * t.rrWidth(), (i + 1) * t.rrWidth());
    }

    /** The labelled beat whose samples {@code copy}'s row {@code i} repeats. */
    private static int source(BeatTable labelled, BeatTable copy, int i) {
        for (int j = 0; j < labelled.size(); j++) {
            if (labelled.positions()[j] == copy.positions()[i]) {
                return j;
            }
        }
        throw new AssertionError("a copy of no labelled beat");
    }

    @Test
    void prematureCopiesAreTheBeatComeEarlyAndLabelledS() {
        BeatTable labelled = beats(50, 0.02f);
        BeatTable copies = RhythmCopies.premature(labelled, 0.3, 7);
        assertEquals(12, copies.size(), "30 % of the 40 N beats");
        for (int i = 0; i < copies.size(); i++) {
            int j = source(labelled, copies, i);
            assertEquals(AamiClass.N.label(), labelled.label(j), "only N beats are copied");
            assertEquals(AamiClass.S.label(), copies.label(i));
            assertArrayEquals(Arrays.copyOfRange(labelled.samples(), j * LENGTH, (j + 1) * LENGTH),
                    Arrays.copyOfRange(copies.samples(), i * LENGTH, (i + 1) * LENGTH), "the patient's own shape");
            float[] was = features(labelled, j);
            float[] is = features(copies, i);
            double early = is[RrFeatures.PRE_RR] / was[RrFeatures.PRE_RR];
            assertTrue(RhythmCopies.EARLY.holds(early), "early: " + early);
            assertEquals(early, is[RrFeatures.PRE_RR_NORM] / was[RrFeatures.PRE_RR_NORM], 1e-5);
            assertEquals(early, is[RrFeatures.PRE_RR_LOCAL] / was[RrFeatures.PRE_RR_LOCAL], 1e-5);
            assertTrue(is[RrFeatures.POST_RR] >= was[RrFeatures.POST_RR], "a pause after it, or none");
            assertEquals(was[RrFeatures.LOCAL_RR], is[RrFeatures.LOCAL_RR], "the rhythm around it stays");
        }
    }

    @Test
    void prematureCopiesComeOnlyFromRegularBeatsAndTheGateReadsTheirShare() {
        BeatTable labelled = beats(50, 0.02f);
        for (int i = 0; i < 25; i++) {
            labelled.rr()[i * RrFeatures.COUNT + RrFeatures.RR_IRREGULARITY] = 0.3f;  // the first half irregular
        }
        assertEquals(0.5, RhythmCopies.regularShare(labelled, true), 1e-9, "20 of the 40 N beats");
        assertEquals(0.5, RhythmCopies.regularShare(labelled, false), 1e-9, "25 of all 50 beats");
        BeatTable copies = RhythmCopies.premature(labelled, 0.3, 7);
        assertEquals(12, copies.size());
        for (int i = 0; i < copies.size(); i++) {
            assertTrue(source(labelled, copies, i) >= 25, "a copy of an irregular beat");
        }
        assertEquals(0, RhythmCopies.premature(beats(50, 0.3f), 0.3, 7).size(), "no regular beat to copy");
        assertEquals(0, RhythmCopies.regularShare(beats(50, 0.3f), true));
    }

    @Test
    void rateCopiesAreTheWholeRhythmFasterAndLabelledN() {
        BeatTable labelled = beats(50, 0.3f);
        BeatTable copies = RhythmCopies.rate(labelled, 0.5, 7);
        assertEquals(20, copies.size(), "half the 40 N beats, whatever their rhythm");
        for (int i = 0; i < copies.size(); i++) {
            int j = source(labelled, copies, i);
            assertEquals(AamiClass.N.label(), labelled.label(j));
            assertEquals(AamiClass.N.label(), copies.label(i));
            float[] was = features(labelled, j);
            float[] is = features(copies, i);
            double factor = is[RrFeatures.PRE_RR] / was[RrFeatures.PRE_RR];
            assertTrue(RhythmCopies.FASTER.holds(factor), "factor " + factor);
            for (int k : new int[] {RrFeatures.POST_RR, RrFeatures.LOCAL_RR, RrFeatures.PRE_RR_NORM,
                RrFeatures.POST_RR_NORM, RrFeatures.LOCAL_RR_NORM}) {
                assertEquals(factor, is[k] / was[k], 1e-5, RrFeatures.NAMES[k]);
            }
            double lag = is[RrFeatures.AVERAGE_RR] / was[RrFeatures.AVERAGE_RR];
            assertTrue(lag >= factor - 1e-6 && lag <= 1 + 1e-6, "the 5-minute average lags: " + lag);
            for (int k = RrFeatures.PRE_RR_LOCAL; k < RrFeatures.COUNT; k++) {
                assertEquals(was[k], is[k], RrFeatures.NAMES[k] + ": the beat against its neighbours is unchanged");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCopiesAndAnotherSeedOthers() {
        BeatTable labelled = beats(50, 0.02f);
        assertArrayEquals(RhythmCopies.rate(labelled, 0.5, 7).rr(), RhythmCopies.rate(labelled, 0.5, 7).rr());
        assertArrayEquals(RhythmCopies.premature(labelled, 0.3, 7).rr(), RhythmCopies.premature(labelled, 0.3, 7).rr());
        assertTrue(!Arrays.equals(RhythmCopies.rate(labelled, 0.5, 7).rr(), RhythmCopies.rate(labelled, 0.5, 8).rr()));
    }

    @Test
    void noCopiesWithoutAllTheRhythmFeaturesOrWithAShareOfZero() {
        BeatTable full = beats(50, 0.02f);
        BeatTable four = new BeatTable(LENGTH, full.samples(), full.labels(), full.records(), full.positions(),
                new float[50 * 4], 4);
        assertEquals(0, RhythmCopies.rate(four, 0.5, 7).size());
        assertEquals(0, RhythmCopies.premature(four, 0.3, 7).size());
        assertEquals(0, RhythmCopies.rate(full, 0, 7).size());
    }
}
