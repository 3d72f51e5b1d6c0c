package ecgbeats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.TestData;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train's long-run features from the command line: kill and --resume, --time-budget, and runs that fail. */
class TrainCommandTest {

    @TempDir
    static Path dir;
    static Path data;

    /** A run of six epochs that take about a second each here. */
    private static final List<String> RUN = List.of("--model", "cnn2d", "--set", "hidden=8", "--set", "fraction=0.5",
            "--set", "optimizer=adamw", "--epochs", "6", "--seed", "5");

    @BeforeAll
    static void dataset() {
        data = dir.resolve("d.ecgb");
        Cli.buildBundled("232,208", data);
    }

    private static String[] train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString()));
        args.addAll(RUN);
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @org.junit.jupiter.api.Tag("process")
    @Test
    void aRunKilledInItsThirdEpochAndResumedEndsAsAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole");
        Cli.Run w = Cli.run(train(whole));
        assertEquals(0, w.code(), w.err());

        Path killed = dir.resolve("killed");
        Process p = new ProcessBuilder(new ecgbeats.study.JavaCommand(Main.class.getName()).of("2g", train(killed)))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path state = killed.resolve("state.json");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (epochOf(state) < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally
        assertEquals(2, epochOf(state), "killed after its second epoch: " + Files.readString(dir.resolve("killed.log")));
        assertFalse(Files.exists(killed.resolve("metrics.json")));

        Cli.Run r = Cli.run("train", "--resume", killed.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("going on from the checkpoint after epoch 2"), r.out());
        assertTrue(r.out().contains("epoch  3/6"), r.out());
        assertFalse(r.out().contains("epoch  2/6"), r.out());
        assertEquals(Files.readString(whole.resolve("metrics.json")), Files.readString(killed.resolve("metrics.json")));
    }

    private static int epochOf(Path state) {
        try {
            return new ObjectMapper().readTree(state.toFile()).path("epoch").asInt(0);
        } catch (IOException e) {
            return 0; // not written yet
        }
    }

    @Test
    void aTimeBudgetPausesTheRunReadyToResume() throws IOException {
        Path out = dir.resolve("budget");
        Cli.Run r = Cli.run(train(out, "--time-budget", "PT0.1S"));
        assertEquals(0, r.code(), r.err());
        // a budget shorter than any epoch: the run pauses after its first, on a fast machine as on a slow one
        assertTrue(r.out().matches("(?s).*paused after epoch [1-5] of 6 \\(time budget\\); go on with: "
                + "\\./ecgbeats train --resume " + java.util.regex.Pattern.quote(out.toString()) + "\n"), r.out());
        assertFalse(Files.exists(out.resolve("metrics.json")));
        assertTrue(Files.exists(out.resolve("checkpoint.ckpt")));
    }

    @Test
    void aResumedRunKeepsItsHyperparametersAndItsFolder() throws IOException {
        Path out = dir.resolve("keep");
        assertEquals(0, Cli.run(train(out, "--time-budget", "PT0.1S")).code());
        Cli.Run r = Cli.run("train", "--resume", out.toString(), "--set", "lr=0.01", "--epochs", "6");
        assertEquals(2, r.code());
        assertEquals("ecgbeats: --resume " + out + ": a resumed run keeps its hyperparameters; these differ: "
                + "lr: 0.001 → 0.01\n", r.err());
        r = Cli.run("train", "--resume", out.toString(), "--out", dir.resolve("elsewhere").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a resumed run stays in its folder"), r.err());
        r = Cli.run("train", "--resume", dir.resolve("nothing-here").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a run folder"), r.err());
        r = Cli.run("train", "--data", data.toString(), "--model", "cnn2d");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("train needs --data, --model (or --recipe, or a run's config.json as --config) "
                + "and --out, or --resume DIR"), r.err());
        Cli.Run help = Cli.run("train", "--help");
        assertTrue(help.out().contains("cnn2d: hidden=128 num_layers=2 num_blocks=1 dropout=0.3 features=none"),
                help.out());
        assertTrue(help.out().contains("batch=32 epochs=30 optimizer=adam lr=0.001"), help.out());
        r = Cli.run("train", "--resume", out.toString(), "--time-budget", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected a duration such as 45s, 90m or 2h, not 'soon'"), r.err());
    }

    @Test
    void aRunWhoseLossIsNotFiniteFailsWithOneLineAndNoResult() throws IOException {
        BeatDataset d = DatasetFile.read(data);
        d.train().samples()[100] = Float.NaN;
        Path poisoned = dir.resolve("poisoned.ecgb");
        DatasetFile.write(d, poisoned);
        Path out = dir.resolve("nan");
        Cli.Run r = Cli.run("train", "--data", poisoned.toString(), "--model", "cnn2d", "--set", "hidden=8",
                "--epochs", "2", "--out", out.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().matches("ecgbeats: error: epoch 1, step \\d+ of \\d+: the training loss is NaN; "
                + "training stopped \\(learning rate 0.001\\): try a lower lr\n"), r.err());
        assertFalse(Files.exists(out.resolve("metrics.json")));
        assertTrue(Files.readString(out.resolve("state.json")).contains("\"FAILED\""));
    }
}
