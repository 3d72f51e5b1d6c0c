package ecgbeats.train;

import ecgbeats.data.BadInputException;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** features=rr: a model sees the rhythm, standardised with the train split's statistics, kept in the run. */
class RhythmFeaturesTest {

    @TempDir
    Path dir;
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    private static RunConfig config(String features) {
        return RunConfig.defaults(Architecture.CNN2D).with(Map.of("hidden", "8", "batch", "16", "epochs", "4",
                "lr", "3e-3", "features", features));
    }

    @Test
    void aModelWithRrFeaturesTellsApartBeatsThatOnlyTheRhythmTellsApart() throws IOException {
        Path data = dir.resolve("rhythm.ecgb");
        DatasetFile.write(SyntheticBeats.rhythmDataset(100, 4), data);
        TrainJob.Outcome with = new TrainJob(data, config("rr"), dir.resolve("with"), true)
                .run(EpochListener.none(), quiet);
        TrainJob.Outcome without = new TrainJob(data, config("none"), dir.resolve("without"), true)
                .run(EpochListener.none(), quiet);
        // S beats look like N beats: only their timing tells the two apart
        assertTrue(worseOfNandS(with.test()) >= 0.9, with.test().table());
        assertTrue(worseOfNandS(without.test()) <= 0.75, "S beats have N's shape: " + without.test().table());

        // the standardisation is the train split's, recorded in config.json and kept with the weights
        RhythmScaling expected = RhythmScaling.of(DatasetFile.read(data).train());
        var recorded = RunDirectory.JSON.readTree(dir.resolve("with/config.json").toFile()).get("rr_scaling");
        assertEquals(expected.mean()[0], recorded.get("mean").get(0).floatValue(), 1e-6);
        assertTrue(Math.abs(expected.mean()[0] - 0.79) < 0.02, "pre-RR mean " + expected.mean()[0]);
        try (Network net = new RunDirectory(dir.resolve("with")).loadNetwork()) {
            Metrics again = Evaluation.metrics(net, DatasetFile.read(data), ecgbeats.data.Split.TEST);
            assertEquals(RunDirectory.metricsJson(with.test()), RunDirectory.metricsJson(again),
                    "evaluate reproduces the run with the saved standardisation");
        }
    }

    private static double worseOfNandS(Metrics m) {
        return Math.min(m.perClass().get("N").recall(), m.perClass().get("S").recall());
    }

    @Test
    void rhythmScalingIsMeanAndPopulationDeviationPerFeature() {
        BeatDataset d = SyntheticBeats.rhythmDataset(2, 1);
        RhythmScaling s = RhythmScaling.of(d.train());
        float[] rr = d.train().rr();
        int n = d.train().size();
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += rr[i * 8];
        }
        m /= n;
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += (rr[i * 8] - m) * (rr[i * 8] - m);
        }
        assertEquals(m, s.mean()[0], 1e-5);
        assertEquals(Math.sqrt(v / n), s.deviation()[0], 1e-5);
        float[] constant = new float[3 * 8];
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, RhythmScaling.of(new ecgbeats.data.beat.BeatTable(1,
                new float[3], new byte[3], new short[3], new int[3], constant)).deviation());
    }

    @Test
    void aDatasetWithoutRrFeaturesIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path data = dir.resolve("shapes.ecgb");
        DatasetFile.write(SyntheticBeats.dataset(10, 1), data);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new TrainJob(data, config("rr"), dir.resolve("never"), true).run(EpochListener.none(), quiet));
        assertTrue(e.getMessage().startsWith(data + ": the dataset has no RR features"), e.getMessage());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("never")));
    }
}
