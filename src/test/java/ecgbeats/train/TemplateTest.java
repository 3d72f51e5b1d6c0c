package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.KaggleCsv;
import ecgbeats.data.Split;
import ecgbeats.data.balance.BalanceMethod;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template=median: each beat beside itself minus its record's median beat, as a second channel. */
class TemplateTest {

    @TempDir
    Path dir;
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    private static RunConfig config(String template) {
        return SyntheticBeats.smallCnn2d("class_weights", "true", "template", template);
    }

    @Test
    void theSecondChannelIsTheBeatMinusItsRecordsMedianBeat() {
        BeatTable t = new BeatTable.Builder(3)
                .add(new float[] {1, 2, 3}, 0, 0, 100, 0)
                .add(new float[] {3, 2, 1}, 0, 0, 101, 0)
                .add(new float[] {5, 6, 7}, 0, 0, 100, 1)
                .add(new float[] {1, 2, 4}, 0, 0, 101, 1)
                .build();
        BatchFiller f = new BatchFiller(2, RecordTemplates.median(t)); // medians: 100 → 3 4 5, 101 → 2 2 2.5
        assertEquals(2, f.channels());
        float[] x = f.fill(t, new int[] {2, 1}, 0, 2);
        int w = ecgbeats.model.InputLayout.PADDED_LENGTH;
        float[] beat0 = java.util.Arrays.copyOfRange(x, 0, 3);
        float[] residual0 = java.util.Arrays.copyOfRange(x, w, w + 3);
        float[] beat1 = java.util.Arrays.copyOfRange(x, 2 * w, 2 * w + 3);
        float[] residual1 = java.util.Arrays.copyOfRange(x, 3 * w, 3 * w + 3);
        assertArrayEquals(new float[] {5, 6, 7}, beat0);
        assertArrayEquals(new float[] {2, 2, 2}, residual0);
        assertArrayEquals(new float[] {3, 2, 1}, beat1);
        assertArrayEquals(new float[] {1, 0, -1.5f}, residual1);
        assertEquals(0f, x[w + 3], "padding after the residual");
        assertEquals(0f, x[2 * w - 1]);
        assertEquals(1, new BatchFiller(2).channels());
    }

    /**
     * The mechanism: V beats here are 0.2 taller than their own patient's N beats, and patients'
     * heights overlap. Measured (2026-11-27, one PyTorch thread): without the template the model
     * found 3 of the unseen patients' 48 V beats (recall 0.06, N 1.00); with it all, and every N.
     */
    @Test
    void againstItsPatientsMedianBeatABeatTellsWhatItsHeightAloneCannot() throws IOException {
        Path data = dir.resolve("relative.ecgb");
        DatasetFile.write(SyntheticBeats.patientRelativeDataset(5), data);
        TrainJob.Outcome with = new TrainJob(data, config("median"), dir.resolve("with"), true)
                .run(EpochListener.none(), quiet);
        TrainJob.Outcome without = new TrainJob(data, config("none"), dir.resolve("without"), true)
                .run(EpochListener.none(), quiet);
        assertTrue(worseOfNandV(with.test()) >= 0.95, with.test().table());
        assertTrue(worseOfNandV(without.test()) <= 0.5, "heights overlap across patients: " + without.test().table());

        var config = RunDirectory.JSON.readTree(dir.resolve("with/config.json").toFile());
        assertEquals("median", config.get("hyperparameters").get("template").asText());
        assertFalse(RunDirectory.JSON.readTree(dir.resolve("without/config.json").toFile())
                .get("hyperparameters").has("template"), "a model without a template records none, as before");
        try (Network net = new RunDirectory(dir.resolve("with")).loadNetwork()) {
            assertEquals(2, net.channels());
            Metrics again = Evaluation.metrics(net, DatasetFile.read(data), Split.TEST);
            assertEquals(RunDirectory.metricsJson(with.test()), RunDirectory.metricsJson(again),
                    "evaluate takes the same medians from the same beats");
        }
    }

    private static double worseOfNandV(Metrics m) {
        return Math.min(m.perClass().get("N").recall(), m.perClass().get("V").recall());
    }

    @Test
    void theFirstConvolutionAloneGrowsByTheSecondChannel() {
        RunConfig plain = config("none");
        try (Network a = Network.create(plain.model(), 1); Network b = Network.create(config("median").model(), 1)) {
            assertEquals(8 * 3 * 3, b.parameterCount() - a.parameterCount(), "one more 3 × 3 input channel per filter");
        }
    }

    @Test
    void parametersOfAnotherInputShapeAreRefusedWhenLoaded() throws IOException {
        // a config that lost its template would build a one-channel model around two-channel weights
        Path data = dir.resolve("relative.ecgb");
        DatasetFile.write(SyntheticBeats.patientRelativeDataset(2), data);
        Path run = dir.resolve("two-channels");
        new TrainJob(data, config("median").with(Map.of("epochs", "1")), run, false).run(EpochListener.none(), quiet);
        var config = (com.fasterxml.jackson.databind.node.ObjectNode) RunDirectory.JSON.readTree(
                run.resolve("config.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("hyperparameters")).remove("template");
        RunDirectory.JSON.writeValue(run.resolve("config.json").toFile(), config);
        BadInputException e = assertThrows(BadInputException.class, () -> new RunDirectory(run).loadNetwork());
        assertTrue(e.getMessage().contains("is (8, 2, 3, 3) there, (8, 1, 3, 3) in this model"), e.getMessage());
        assertTrue(e.getMessage().endsWith("saved by another model or configuration?"), e.getMessage());
    }

    @Test
    void beatsThatNameNoRecordAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        BeatDataset d = SyntheticBeats.dataset(10, 1);
        KaggleCsv.write(d.train(), train);
        KaggleCsv.write(d.test(), test);
        Path kaggle = dir.resolve("kaggle.ecgb");
        DatasetFile.write(KaggleCsv.importDataset(train, test, 3, 0.1), kaggle);
        BadInputException e = assertThrows(BadInputException.class, () -> new TrainJob(kaggle, config("median"),
                dir.resolve("never"), true).run(EpochListener.none(), quiet));
        assertEquals(kaggle + ": its beats do not name their records (a Kaggle CSV import), and template=median "
                + "compares each beat with its record's median beat; build it with data build", e.getMessage());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void aBalancedDatasetIsRefusedForItsCopiesWouldMoveTheMedians() throws IOException {
        Path balanced = dir.resolve("balanced.ecgb");
        DatasetFile.write(SyntheticBeats.patientRelativeDataset(1).balanced(BalanceMethod.OVERSAMPLE, 1), balanced);
        RunConfig rc = config("median").with(Map.of("balance", "none"));
        BadInputException e = assertThrows(BadInputException.class, () -> new TrainJob(balanced, rc,
                dir.resolve("never"), true).run(EpochListener.none(), quiet));
        assertTrue(e.getMessage().startsWith(balanced + ": its train split is already balanced (oversample), and "
                + "template=median"), e.getMessage());
    }

    @Test
    void smoteIsRefusedWithATemplateForItsBeatsHaveNoRecord() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> config("median").with(Map.of("balance", "smote")));
        assertTrue(e.getMessage().startsWith("template=median with balance=smote"), e.getMessage());
        assertEquals(BalanceMethod.SMOTE, config("none").with(Map.of("balance", "smote")).training().balance());
    }

    @Test
    void oversampledCopiesShareTheirRecordsMedianFromTheRealBeats() throws IOException {
        // balance=oversample: the copies are filled against the medians of the split before balancing
        Path data = dir.resolve("relative.ecgb");
        DatasetFile.write(SyntheticBeats.patientRelativeDataset(3), data);
        RunConfig rc = config("median").with(Map.of("balance", "oversample", "class_weights", "false", "epochs", "1"));
        TrainJob.Outcome o = new TrainJob(data, rc, dir.resolve("over"), true).run(EpochListener.none(), quiet);
        assertTrue(o.test().perClass().get(AamiClass.V.name()).recall() > 0, o.test().table());
    }
}
