package ecgbeats.data.qrs;

import ecgbeats.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanTompkinsTest {

    /** A synthetic ECG: narrow QRS spikes, broad T waves, baseline wander and noise; beats at known samples. */
    private static double[] synthetic(List<Integer> beats, double fs, int seconds, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[(int) (fs * seconds)];
        int t = (int) (0.5 * fs);
        while (t < x.length - fs) {
            beats.add(t);
            t += (int) (fs * (0.6 + 0.4 * r.nextDouble())); // 60-100 bpm, irregular
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 * Math.sin(2 * Math.PI * 0.3 * i / fs) + 0.02 * r.nextGaussian();
        }
        for (int b : beats) {
            for (int i = Math.max(0, b - 40); i < Math.min(x.length, b + 150); i++) {
                double q = (i - b) / (0.012 * fs);
                double tw = (i - b - 0.25 * fs) / (0.05 * fs);
                x[i] += 1.2 * Math.exp(-q * q / 2) + 0.3 * Math.exp(-tw * tw / 2);
            }
        }
        return x;
    }

    @Test
    void findsEverySyntheticBeatAtItsPeakAndNoTWave() {
        List<Integer> beats = new ArrayList<>();
        double fs = 360;
        int[] found = new PanTompkins().detect(synthetic(beats, fs, 120, 4), fs);
        assertEquals(beats.size(), found.length, "beats found");
        for (int i = 0; i < found.length; i++) {
            assertTrue(Math.abs(found[i] - beats.get(i)) <= 2, "beat " + i + " at " + found[i] + ", true "
                    + beats.get(i));
        }
    }

    @Test
    void aFlatOrShortSignalHasNoBeats() {
        assertEquals(0, new PanTompkins().detect(new double[1000], 360).length);
        assertEquals(0, new PanTompkins().detect(new double[100], 360).length);
    }

    @Test
    void bundledRecordsAreDetectedAsWellAsTheFullDatabaseIs() {
        int tp = 0;
        int fn = 0;
        int fp = 0;
        for (String r : List.of("208", "213", "217", "232")) {
            QrsEvaluation.RecordResult res = QrsEvaluation.evaluate(TestData.bundled().resolve(r), new PanTompkins(),
                    0.15);
            tp += res.truePositives();
            fn += res.falseNegatives();
            fp += res.falsePositives();
        }
        // measured: 10169 / 25 / 6 (Se 99.75 %, +P 99.94 %)
        assertTrue(tp / (double) (tp + fn) >= 0.995, "Se " + tp + "/" + (tp + fn));
        assertTrue(tp / (double) (tp + fp) >= 0.995, "+P " + tp + "/" + (tp + fp));
    }

    @Test
    void allFortyEightRecordsReachTheTarget() throws Exception {
        Path dir = TestData.fullDatabase();
        int tp = 0;
        int fn = 0;
        int fp = 0;
        List<String> names = ecgbeats.data.wfdb.AnnotatedRecords.in(dir);
        assertEquals(48, names.size());
        for (String r : names) {
            QrsEvaluation.RecordResult res = QrsEvaluation.evaluate(dir.resolve(r), new PanTompkins(), 0.15);
            tp += res.truePositives();
            fn += res.falseNegatives();
            fp += res.falsePositives();
        }
        assertEquals(109494, tp + fn, "reference beats");
        // measured: Se 99.73 %, +P 99.91 %; the issue asks for 99.5 % (Pan and Tompkins reported 99.3 %)
        assertTrue(tp / (double) (tp + fn) >= 0.995, "Se " + tp + "/" + (tp + fn));
        assertTrue(tp / (double) (tp + fp) >= 0.995, "+P " + tp + "/" + (tp + fp));
    }
}
