package ecgbeats.data.beat;

import ecgbeats.TestData;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RrFeaturesTest {

    private static final double EPS = 1e-6;

    private static double f(float[] rr, int beat, int feature) {
        return rr[beat * RrFeatures.COUNT + feature];
    }

    @Test
    void fiveBeatsWithKnownIntervals() {
        // at 100 Hz: beats at 0, 1, 3, 4 and 6 s; intervals 1, 2, 1, 2 s; the record's mean RR is 6 / 4 = 1.5 s
        float[] rr = RrFeatures.of(new long[] {0, 100, 300, 400, 600}, 100);
        double[] pre = {1, 1, 2, 1, 2};    // the first beat copies its post-RR
        double[] post = {1, 2, 1, 2, 2};   // the last beat copies its pre-RR
        double[] local = {1, 1, 4 / 3.0, 5 / 4.0, 7 / 5.0};
        for (int i = 0; i < 5; i++) {
            assertEquals(pre[i], f(rr, i, 0), EPS, "pre-RR of beat " + i);
            assertEquals(post[i], f(rr, i, 1), EPS, "post-RR of beat " + i);
            assertEquals(local[i], f(rr, i, 2), EPS, "local RR of beat " + i);
            assertEquals(local[i], f(rr, i, 3), EPS, "average RR of beat " + i + " (all within 5 minutes)");
            for (int k = 0; k < 4; k++) {
                assertEquals(f(rr, i, k) / 1.5, f(rr, i, 4 + k), EPS, "feature " + k + " normalised, beat " + i);
            }
        }
    }

    @Test
    void localRrAveragesTheLastTenIntervals() {
        // intervals 1, 2, ..., 11 s (at 1 Hz): beat i comes i·(i+1)/2 s after the first
        long[] peaks = new long[12];
        for (int i = 1; i < 12; i++) {
            peaks[i] = peaks[i - 1] + i;
        }
        float[] rr = RrFeatures.of(peaks, 1);
        assertEquals((2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11) / 10.0, f(rr, 11, 2), EPS);
        assertEquals((1 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9) / 10.0, f(rr, 9, 2), EPS, "the copied first interval counts");
        assertEquals(11, f(rr, 11, 1), EPS);
    }

    @Test
    void averageRrLooksBackFiveMinutes() {
        // beats at 0, 200, 400 and 450 s: from 450 s the past 5 minutes hold the beats at 200, 400 and 450 s
        float[] rr = RrFeatures.of(new long[] {0, 200, 400, 450}, 1);
        assertEquals((200 + 200 + 50) / 3.0, f(rr, 3, 3), EPS);
        assertEquals((200 + 200 + 200) / 3.0, f(rr, 2, 3), EPS, "the beat 400 s back is still inside");
        assertEquals(450 / 3.0, f(rr, 0, 0) / f(rr, 0, 4), 1e-3, "the record's mean RR");
    }

    @Test
    void fewerThanTwoBeatsOrPeaksOutOfOrderAreRefused() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> RrFeatures.of(new long[] {5}, 360));
        assertEquals("holds 1 beat: RR intervals need at least two", one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RrFeatures.of(new long[0], 360));
        assertThrows(IllegalArgumentException.class, () -> RrFeatures.of(new long[] {10, 10}, 360));
    }

    @Test
    void nonBeatAnnotationsAreNotBeatsAndUnclassifiedBeatsStillCount() {
        WfdbRecord record = WfdbRecord.read(TestData.bundled().resolve("208"));
        List<Annotation> an = List.of(
                new Annotation(1000, 1, 0, 0, 0, ""),    // N
                new Annotation(1100, 28, 0, 0, 0, "(N"), // + rhythm change: not a beat
                new Annotation(1360, 5, 0, 0, 0, ""),    // V
                new Annotation(1500, 14, 0, 0, 0, ""),   // ~ noise: not a beat
                new Annotation(1600, 30, 0, 0, 0, ""),   // ? a beat outside the five classes: not kept, but an R peak
                new Annotation(1800, 8, 0, 0, 0, ""));   // A
        BeatTable.Builder b = new BeatTable.Builder(ExtractionSettings.KACHUEE.beatLength(), true);
        new BeatExtractor(ExtractionSettings.KACHUEE).extract(record, an, 208, b);
        BeatTable t = b.build();
        assertEquals(3, t.size());
        float[] rr = t.rr();
        double fs = record.frequency();
        assertEquals(360 / fs, f(rr, 0, 0), EPS, "the first beat copies its post-RR");
        assertEquals(360 / fs, f(rr, 1, 0), EPS);
        assertEquals(240 / fs, f(rr, 1, 1), EPS, "to the unclassified beat at 1600, not to the noise at 1500");
        assertEquals(200 / fs, f(rr, 2, 0), EPS, "from the unclassified beat");
        assertEquals(200 / fs, f(rr, 2, 1), EPS, "the last beat copies its pre-RR");
        assertEquals((360 + 360 + 240 + 200) / fs / 4, f(rr, 2, 2), EPS, "local RR over the 4 R peaks so far");
        assertEquals(f(rr, 2, 0) / (800 / fs / 3), f(rr, 2, 4), EPS, "normalised by the mean of 4 beats' 3 intervals");

        IllegalArgumentException lonely = assertThrows(IllegalArgumentException.class, () -> new BeatExtractor(
                ExtractionSettings.KACHUEE).extract(record, List.of(an.get(0), an.get(1)), 208,
                new BeatTable.Builder(187, true)));
        assertTrue(lonely.getMessage().contains("holds 1 beat"), lonely.getMessage());
    }

    @Test
    void featuresOfABundledRecordAreSensible() {
        WfdbRecord record = WfdbRecord.read(TestData.bundled().resolve("232"));
        BeatTable.Builder b = new BeatTable.Builder(187, true);
        new BeatExtractor(ExtractionSettings.KACHUEE).extract(record,
                ecgbeats.data.wfdb.AnnotationFile.read(TestData.bundled().resolve("232.atr")), 232, b);
        float[] rr = b.build().rr();
        double sum = 0;
        for (int i = 0; i < rr.length / RrFeatures.COUNT; i++) {
            assertTrue(f(rr, i, 0) > 0.2 && f(rr, i, 0) < 7, "pre-RR " + f(rr, i, 0)); // 232 has pauses of several seconds
            sum += f(rr, i, 4);
        }
        assertEquals(1.0, sum / (rr.length / RrFeatures.COUNT), 0.05, "normalised pre-RR averages about 1");
    }

    @Test
    void anEarlyBeatInARegularRhythmStandsOutLocally() {
        // at 1 Hz: intervals of 10 s, then one beat 6 s after the last and 14 s before the next
        // (an ectopic beat and its compensatory pause), then 10 s again
        long[] peaks = new long[21];
        for (int i = 1; i < peaks.length; i++) {
            peaks[i] = peaks[i - 1] + (i == 10 ? 6 : i == 11 ? 14 : 10);
        }
        float[] rr = RrFeatures.of(peaks, 1);
        assertEquals(0.6, f(rr, 10, 8), EPS, "pre-RR over the local median (10 s)");
        assertEquals(1.4, f(rr, 10, 9), EPS, "post-RR over the local median");
        // successive differences around beat 10: 0, 0, 0, 4, 8, 4, 0, 0, 0 s; median 0
        assertEquals(0, f(rr, 10, 10), EPS, "one ectopic beat leaves a regular rhythm regular");
        assertEquals(1.0, f(rr, 15, 8), EPS);
        assertEquals(1.0, f(rr, 3, 9), EPS);
    }

    @Test
    void anIrregularRhythmIsIrregularAndItsEarlyBeatsAreNotEarly() {
        // intervals alternate 6 and 10 s (at 1 Hz): every successive difference is 4 s
        long[] peaks = new long[21];
        for (int i = 1; i < peaks.length; i++) {
            peaks[i] = peaks[i - 1] + (i % 2 == 0 ? 6 : 10);
        }
        float[] rr = RrFeatures.of(peaks, 1);
        // beat 10: intervals around it (those ending at beats 6..15) are five 6s and five 10s, median 8
        assertEquals(4 / 8.0, f(rr, 10, 10), EPS);
        assertEquals(6 / 8.0, f(rr, 10, 8), EPS);
        assertEquals(10 / 8.0, f(rr, 10, 9), EPS);
    }

    @Test
    void theFirstAndLastBeatsUseTheIntervalsTheyHave() {
        // at 1 Hz: intervals 2, 4, 8 s
        float[] rr = RrFeatures.of(new long[] {0, 2, 6, 14}, 1);
        // beat 0: its pre-RR copies its post-RR (2); the intervals around it end at beats 1..3: 2, 4, 8
        assertEquals(2 / 4.0, f(rr, 0, 8), EPS);
        assertEquals(2 / 4.0, f(rr, 0, 9), EPS);
        assertEquals(3 / 4.0, f(rr, 0, 10), EPS, "differences 2 and 4 (median 3) over the median interval 4");
        // beat 3: its post-RR copies its pre-RR (8)
        assertEquals(8 / 4.0, f(rr, 3, 8), EPS);
        assertEquals(8 / 4.0, f(rr, 3, 9), EPS);
        float[] two = RrFeatures.of(new long[] {0, 5}, 1);
        assertEquals(1, f(two, 0, 8), EPS);
        assertEquals(0, f(two, 1, 10), EPS, "one interval has no difference to take");
    }
}
