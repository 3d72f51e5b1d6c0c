package ecgbeats.data.beat;

import ecgbeats.TestData;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationFile;
import ecgbeats.data.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeatExtractorTest {

    private static BeatTable extract(String record, ExtractionSettings settings) {
        WfdbRecord r = WfdbRecord.read(TestData.bundled().resolve(record));
        List<Annotation> an = AnnotationFile.read(TestData.bundled().resolve(record + ".atr"));
        BeatTable.Builder b = new BeatTable.Builder(settings.beatLength(), true);
        new BeatExtractor(settings).extract(r, an, Integer.parseInt(record), b);
        return b.build();
    }

    @Test
    void everyClassifiedBeatBecomesOneLabelledBeat() {
        List<Annotation> an = AnnotationFile.read(TestData.bundled().resolve("208.atr"));
        int[] expected = new int[AamiClass.COUNT];
        List<Long> peaks = new ArrayList<>();
        for (Annotation a : an) {
            AamiClass c = AamiClass.ofSymbol(a.symbol());
            if (c != null) {
                expected[c.label()]++;
                peaks.add(a.sample());
            }
        }
        BeatTable t = extract("208", ExtractionSettings.KACHUEE);
        assertArrayEquals(expected, t.classCounts());
        for (int i = 0; i < t.size(); i++) {
            assertEquals(208, t.records()[i]);
            assertEquals(peaks.get(i).intValue(), t.positions()[i]);
        }
    }

    @Test
    void kaggleCompatibilityDropsOnlyTheLastBeat() {
        BeatTable all = extract("232", ExtractionSettings.KACHUEE);
        BeatTable kaggle = extract("232", ExtractionSettings.KACHUEE.withDropLastBeat(true));
        assertEquals(all.size() - 1, kaggle.size());
        for (int i = 0; i < kaggle.size(); i++) {
            assertEquals(all.positions()[i], kaggle.positions()[i]);
        }
    }

    @Test
    void beatsAreNormalisedStartAtTheirPeakAndAreZeroPadded() {
        BeatTable t = extract("213", ExtractionSettings.KACHUEE);
        float[] s = t.samples();
        int padded = 0;
        float[] firsts = new float[t.size()];
        for (int i = 0; i < t.size(); i++) {
            int nonZeroEnd = 0;
            for (int k = 0; k < 187; k++) {
                float v = s[i * 187 + k];
                assertTrue(v >= 0 && v <= 1, "beat " + i + " sample " + k + " = " + v);
                if (v != 0) {
                    nonZeroEnd = k + 1;
                }
            }
            if (nonZeroEnd < 187) {
                padded++;
            }
            firsts[i] = s[i * 187];
        }
        // the R peak is the beat's first sample: mostly near the top of its normalised window
        java.util.Arrays.sort(firsts);
        assertTrue(firsts[firsts.length / 2] > 0.6f, "median first sample " + firsts[firsts.length / 2]);
        // 213 runs at about 110 beats/min: 1.2 RR ~ 82 samples at 125 Hz, so nearly all are padded
        assertTrue(padded > t.size() * 0.9, padded + " of " + t.size());
    }

    @Test
    void pacedRecordWithoutMliiUsesItsFirstSignal() {
        WfdbRecord r = WfdbRecord.read(TestData.bundled().resolve("217"));
        assertEquals(0, BeatExtractor.leadIndex(r));
        assertEquals("MLII", r.header().signals().get(0).description());
    }
}
