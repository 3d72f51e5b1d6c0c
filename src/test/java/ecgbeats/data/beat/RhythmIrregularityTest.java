package ecgbeats.data.beat;

import ecgbeats.TestData;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationFile;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RhythmIrregularityTest {

    /** R peaks at 360 Hz from intervals in seconds. */
    private static long[] peaks(double[] intervals) {
        long[] p = new long[intervals.length + 1];
        for (int i = 0; i < intervals.length; i++) {
            p[i + 1] = p[i] + Math.round(intervals[i] * 360);
        }
        return p;
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    @Test
    void aRegularRhythmIsNotIrregularAndTheMeasureIsItsMedianStepOverItsMedian() {
        double[] rr = new double[200];
        java.util.Arrays.fill(rr, 0.8);
        assertEquals(0, max(RhythmIrregularity.of(peaks(rr))), 1e-12);
        // intervals alternating 0.8 and 0.9 s for 100 beats, then 0.8, 0.9, 1.0 repeating: every lag-1
        // step is 0.1 s but the lag-2 (then lag-3) steps are 0: a repeating pattern is regular
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i < 100 ? (i % 2 == 0 ? 0.8 : 0.9) : 0.8 + 0.1 * (i % 3);
        }
        double[] v = RhythmIrregularity.of(peaks(rr));
        assertEquals(0, v[50], 1e-12, "bigeminy-like");
        assertEquals(0, v[160], 1e-12, "trigeminy-like");
    }

    @Test
    void isolatedEctopicBeatsInSinusRhythmStayLowWhileFibrillationIsHigh() {
        SplittableRandom random = new SplittableRandom(7);
        double[] sinus = new double[300];
        for (int i = 0; i < sinus.length; i++) {
            sinus[i] = 0.8 + 0.01 * random.nextDouble();
        }
        for (int i = 20; i < sinus.length - 1; i += 9) {  // an early beat, then a pause, every ninth beat
            sinus[i] = 0.5;
            sinus[i + 1] = 1.1;
        }
        assertTrue(max(RhythmIrregularity.of(peaks(sinus))) < 0.05, "ectopic beats in sinus rhythm");
        double[] fibrillation = new double[300];
        for (int i = 0; i < fibrillation.length; i++) {
            fibrillation[i] = 0.4 + 0.6 * random.nextDouble();  // no interval predicts the next
        }
        assertTrue(min(RhythmIrregularity.of(peaks(fibrillation))) > 0.15, "atrial fibrillation");
    }

    @Test
    void eachBeatIsJudgedByTheStretchAroundIt() {
        SplittableRandom random = new SplittableRandom(3);
        double[] rr = new double[400];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i < 200 ? 0.8 : 0.4 + 0.6 * random.nextDouble();  // sinus, then fibrillation from beat 200
        }
        double[] v = RhythmIrregularity.of(peaks(rr));
        assertEquals(0, v[100], 1e-12, "more than 40 intervals before the fibrillation");
        assertTrue(v[300] > 0.15, "inside it");
    }

    @Test
    void shortRecordsHaveNoPatternToMeasureAndPeaksMustAscend() {
        assertArrayEquals(new double[4], RhythmIrregularity.of(new long[] {0, 300, 500, 900}));
        assertThrows(IllegalArgumentException.class, () -> RhythmIrregularity.of(new long[] {0, 300, 300, 600, 900}));
    }

    @Test
    void aRealSinusRecordWithFrequentVentricularBeatsIsMostlyRegular() {
        // 208: sinus rhythm with 992 V beats, couplets and fusion beats, no atrial fibrillation
        long[] r = AnnotationFile.read(TestData.bundled().resolve("208.atr")).stream().filter(Annotation::isBeat)
                .mapToLong(Annotation::sample).toArray();
        double[] v = RhythmIrregularity.of(r);
        long irregular = java.util.Arrays.stream(v).filter(x -> x >= 0.12).count();
        assertTrue(irregular < v.length / 5, irregular + " of " + v.length + " beats irregular");
    }
}
