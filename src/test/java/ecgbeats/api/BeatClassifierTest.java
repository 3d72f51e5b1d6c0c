package ecgbeats.api;

import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java facade, used as a user would: nothing but BeatClassifier and the JDK. */
class BeatClassifierTest {

    private static Path run() throws Exception {
        return Path.of(BeatClassifierTest.class.getResource("/run-2026-11-27/config.json").toURI()).getParent();
    }

    @Test
    void aRecordingsBeatsComeBackWithTheirClassesAndProbabilities() throws Exception {
        try (BeatClassifier model = BeatClassifier.load(run())) {
            List<BeatClassifier.Beat> beats = model.classifyRecording(Path.of("data/mitdb/232"), false);
            assertTrue(beats.size() > 1700, "232 has 1,780 annotated beats: " + beats.size());
            BeatClassifier.Beat first = beats.get(0);
            double sum = 0;
            for (double p : first.probabilities()) {
                sum += p;
            }
            assertEquals(1, sum, 1e-4);
            assertEquals(first.sample() / 360.0, first.seconds(), 1e-9);
            for (BeatClassifier.Beat b : beats) {
                for (AamiClass c : AamiClass.values()) {
                    assertTrue(b.probability(b.aamiClass()) >= b.probability(c) - 1e-9);
                }
            }
        }
    }

    @Test
    void beatsCutAloneAreClassifiedAsTheRunClassifiedThem() throws Exception {
        Path dir = run();
        List<String> rows = Files.readAllLines(dir.resolve("beats.csv"));
        List<String> then = Files.readAllLines(dir.resolve("predictions-then.csv"));
        float[][] beats = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            beats[i] = new float[187];
            for (int k = 0; k < 187; k++) {
                beats[i][k] = Float.parseFloat(f[k]);
            }
        }
        try (BeatClassifier model = BeatClassifier.load(dir)) {
            List<BeatClassifier.Beat> out = model.classifyBeats(beats);
            assertEquals(beats.length, out.size());
            for (int i = 0; i < out.size(); i++) {
                assertEquals(then.get(i + 1).split(",")[1], out.get(i).aamiClass().name(), "beat " + i);
            }
        }
    }
}
