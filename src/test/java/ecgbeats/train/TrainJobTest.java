package ecgbeats.train;

import ecgbeats.util.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.util.BadInputException;
import ecgbeats.util.FolderLock;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.util.Sha256;
import ecgbeats.model.Architecture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainJobTest {

    @TempDir
    Path dir;
    private Path data;
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    @BeforeEach
    void dataset() throws IOException {
        data = dir.resolve("synthetic.ecgb");
        DatasetFile.write(SyntheticBeats.dataset(40, 9), data);
    }

    private static RunConfig small() {
        return RunConfig.defaults(Architecture.CNN2D).with(Map.of("hidden", "8", "batch", "16", "epochs", "3",
                "lr", "3e-3", "balance", "oversample", "class_weights", "true"));
    }

    @Test
    void theSameSeedGivesIdenticalMetricsAndTheRunFolderIsComplete() throws IOException {
        TrainJob.Outcome a = new TrainJob(data, small(), dir.resolve("a"), true).run(EpochListener.none(), quiet);
        TrainJob.Outcome b = new TrainJob(data, small(), dir.resolve("b"), true).run(EpochListener.none(), quiet);
        assertEquals(Files.readString(dir.resolve("a/metrics.json")), Files.readString(dir.resolve("b/metrics.json")));
        assertEquals(Files.readString(dir.resolve("a/predictions.csv")), Files.readString(dir.resolve("b/predictions.csv")));
        assertEquals(Sha256.of(dir.resolve("a/model.params")), Sha256.of(dir.resolve("b/model.params")));
        for (String f : List.of("config.json", "history.csv", "metrics.json", "predictions.csv", "model.params")) {
            assertTrue(Files.exists(dir.resolve("a").resolve(f)), f);
        }
        assertFalse(Files.exists(dir.resolve("a").resolve(RunDirectory.CHECKPOINT)), "a complete run keeps no checkpoint");
        assertEquals(RunState.Status.COMPLETE, new RunDirectory(dir.resolve("a")).readState().status());

        JsonNode config = new ObjectMapper().readTree(dir.resolve("a/config.json").toFile());
        assertEquals("cnn2d", config.get("model").asText());
        assertEquals(8, config.get("hyperparameters").get("hidden").asInt());
        assertEquals(Sha256.of(data), config.get("data").get("sha256").asText());
        assertEquals("oversample", config.get("training").get("balance").asText());
        assertEquals(a.parameters(), config.get("parameters").asLong());
        assertTrue(config.get("software").get("engine").asText().startsWith("PyTorch"));
        assertTrue(config.get("software").get("torch_threads").asInt() >= 1, config.get("software").toString());

        List<String> history = Files.readAllLines(dir.resolve("a/history.csv"));
        assertEquals("epoch,train_loss,valid_loss,valid_accuracy,valid_recall_macro,lr,seconds", history.get(0));
        assertEquals(4, history.size());
        List<String> predictions = Files.readAllLines(dir.resolve("a/predictions.csv"));
        assertEquals("index,record,true,pred", predictions.get(0));
        assertEquals(201, predictions.size());
        assertTrue(predictions.get(1).matches("0,100,[NSVFQ],[NSVFQ]"), predictions.get(1));
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("a/metrics.json").toFile());
        int beats = 0;
        for (JsonNode r : metrics.get("per_record")) {
            beats += r.get("n").asInt();
        }
        assertEquals(200, beats, "the records' beats add up to the split's");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"plateau", "onecycle"})
    void aRunPausedAndResumedEndsExactlyAsAnUninterruptedOne(String scheduler) throws IOException {
        RunConfig four = small().with(Map.of("epochs", "4", "optimizer", "adamw", "dropout", "0.3",
                "scheduler", scheduler, "label_smoothing", scheduler.equals("plateau") ? "0" : "0.1"));
        new TrainJob(data, four, dir.resolve("whole"), true).run(EpochListener.none(), quiet);

        Path part = dir.resolve("part");
        TrainJob.Outcome paused = new TrainJob(data, four, part, true).run(
                (r, max) -> r.epoch() == 2 ? Decision.PAUSE : Decision.CONTINUE, quiet);
        assertTrue(paused.paused());
        assertEquals(new RunState(RunState.Status.PAUSED, 2, null), new RunDirectory(part).readState());
        assertFalse(Files.exists(part.resolve("metrics.json")), "a paused run has no results");
        assertFalse(Files.exists(part.resolve("model.params")));
        assertEquals(3, Files.readAllLines(part.resolve("history.csv")).size(), "history so far, header and 2 epochs");

        TrainJob.Outcome done = TrainJob.resume(part).run(EpochListener.none(), quiet);
        assertFalse(done.paused());
        assertEquals(4, done.training().history().size());
        assertEquals(Files.readString(dir.resolve("whole/metrics.json")), Files.readString(part.resolve("metrics.json")));
        assertEquals(Sha256.of(dir.resolve("whole/model.params")), Sha256.of(part.resolve("model.params")));
        assertEquals(withoutSeconds(dir.resolve("whole/history.csv")), withoutSeconds(part.resolve("history.csv")));
        assertEquals(2, new ObjectMapper().readTree(part.resolve("config.json").toFile()).get("resumed_after_epochs")
                .get(0).asInt());

        BadInputException complete = assertThrows(BadInputException.class, () -> TrainJob.resume(part));
        assertTrue(complete.getMessage().contains("the run is complete"), complete.getMessage());
        if (scheduler.equals("onecycle")) {
            // the rate rose and fell within the four epochs, set at every step
            List<Double> lr = Files.readAllLines(part.resolve("history.csv")).stream().skip(1)
                    .map(l -> Double.parseDouble(l.split(",")[5])).toList();
            assertTrue(lr.get(0) > 3e-3 / 25 && lr.get(0) < 3e-3 && lr.get(3) < 1e-6, lr.toString());
        }
    }

    @Test
    void aRunAnotherHolderIsTrainingIsNotTouched() throws IOException {
        Path part = dir.resolve("part");
        new TrainJob(data, small(), part, true).run((r, max) -> Decision.PAUSE, quiet);
        String history = Files.readString(part.resolve("history.csv"));
        try (FolderLock held = FolderLock.tryLock(part.resolve(".lock"))) {
            assertTrue(held != null);
            BadInputException busy = assertThrows(BadInputException.class,
                    () -> TrainJob.resume(part).run(EpochListener.none(), quiet));
            assertEquals(part + ": another ecgbeats process is training this run", busy.getMessage());
        }
        assertEquals(history, Files.readString(part.resolve("history.csv")), "nothing trained");
        assertFalse(TrainJob.resume(part).run(EpochListener.none(), quiet).paused(), "free again once let go");
    }

    @Test
    void aResumedRunRefusesDataThatChanged() throws IOException {
        Path part = dir.resolve("part");
        new TrainJob(data, small(), part, false).run((r, max) -> Decision.PAUSE, quiet);
        DatasetFile.write(SyntheticBeats.dataset(40, 10), data);
        BadInputException e = assertThrows(BadInputException.class,
                () -> TrainJob.resume(part).run(EpochListener.none(), quiet));
        assertTrue(e.getMessage().contains("changed since the run in " + part + " started"), e.getMessage());
        assertEquals(RunState.Status.PAUSED, new RunDirectory(part).readState().status());
    }

    @Test
    void aLossThatIsNotFiniteStopsTheRunWhereItHappensAndLeavesNoResult() throws IOException {
        BeatDataset d = SyntheticBeats.dataset(40, 9);
        d.train().samples()[7 * 187 + 30] = Float.NaN; // one sample of one training beat
        Path poisoned = dir.resolve("poisoned.ecgb");
        DatasetFile.write(d, poisoned);
        Path out = dir.resolve("nan");
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> new TrainJob(poisoned, small(), out, true).run(EpochListener.none(), quiet));
        assertEquals(NonFiniteException.Quantity.TRAIN_LOSS, e.quantity());
        assertEquals(1, e.epoch());
        assertTrue(e.step() >= 1 && e.step() <= 13, e.getMessage());
        assertEquals("epoch 1, step " + e.step() + " of 13: the training loss is NaN; training stopped (learning rate "
                + "0.003): try a lower lr", e.getMessage());
        RunState state = new RunDirectory(out).readState();
        assertEquals(RunState.Status.FAILED, state.status());
        assertEquals(e.getMessage(), state.reason());
        assertFalse(Files.exists(out.resolve("metrics.json")));
        assertFalse(Files.exists(out.resolve("model.params")));
        BadInputException again = assertThrows(BadInputException.class, () -> TrainJob.resume(out));
        assertTrue(again.getMessage().contains("the run is failed (epoch 1, step"), again.getMessage());
    }

    private static List<String> withoutSeconds(Path history) throws IOException {
        return Files.readAllLines(history).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void evaluateReproducesTheRunsTestMetricsExactly() throws IOException {
        new TrainJob(data, small(), dir.resolve("r"), true).run(EpochListener.none(), quiet);
        RunDirectory run = new RunDirectory(dir.resolve("r"));
        BeatDataset d = DatasetFile.read(data);
        try (Network net = run.loadNetwork()) {
            Metrics m = Evaluation.metrics(net, d, ecgbeats.data.Split.TEST);
            assertEquals(Files.readString(dir.resolve("r/metrics.json")), RunDirectory.metricsJson(m) + "\n");
        }
        // what was used: the default objective resolved for the dataset's protocol (intra)
        assertEquals(small().with(Map.of("objective", "recall_macro")), run.readRunConfig());
    }

    @Test
    void runsMadeForSelectionNeverTouchTest() throws IOException {
        TrainJob.Outcome o = new TrainJob(data, small(), dir.resolve("s"), false).run(EpochListener.none(), quiet);
        assertNull(o.test());
        assertFalse(Files.exists(dir.resolve("s/metrics.json")));
        assertFalse(Files.exists(dir.resolve("s/predictions.csv")));
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws IOException {
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/notes.txt"), "mine");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new TrainJob(data, small(), dir.resolve("taken"), true).run(EpochListener.none(), quiet));
        assertTrue(e.getMessage().contains("already exists and is not empty"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("taken/notes.txt")));
    }

    @Test
    void loadingARunLeavesPyTorchsRandomGeneratorAlone() throws IOException {
        new TrainJob(data, small(), dir.resolve("r"), false).run(EpochListener.none(), quiet);
        ai.djl.engine.Engine.getInstance().setRandomSeed(1234);
        try (Network net = new RunDirectory(dir.resolve("r")).loadNetwork()) {
            assertEquals(1234, ai.djl.engine.Engine.getInstance().getSeed());
        }
    }

    @Test
    void aRunFolderWithoutParametersIsBadInput() throws IOException {
        new TrainJob(data, small(), dir.resolve("r"), false).run(EpochListener.none(), quiet);
        Files.delete(dir.resolve("r/model.params"));
        BadInputException e = assertThrows(BadInputException.class, () -> new RunDirectory(dir.resolve("r")).loadNetwork());
        assertTrue(e.getMessage().contains("has no model parameters"), e.getMessage());
    }
}
