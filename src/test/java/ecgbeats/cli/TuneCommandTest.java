package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static ecgbeats.cli.StudyFixtures.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real tiny study end to end, in worker processes, killed with SIGKILL and resumed. */
@org.junit.jupiter.api.Tag("process")
class TuneCommandTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path space;

    @BeforeAll
    static void dataset() throws IOException {
        data = StudyFixtures.dataset(dir);
        space = StudyFixtures.space(dir, 4, 8);
    }

    private static String[] tune(Path out, String... extra) {
        return tune(out, space, extra);
    }

    private static String[] tune(Path out, Path spaceFile, String... extra) {
        List<String> a = new ArrayList<>(List.of("tune", "--data", data.toString(), "--model", "cnn2d", "--space",
                spaceFile.toString(), "--search", "tpe", "--trials", "4", "--epochs", "2", "--fraction", "0.2",
                "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void aStudyKilledMidwayResumesWithoutRerunningFinishedTrials() throws Exception {
        Path study = dir.resolve("study");
        Process p = StudyFixtures.start(dir.resolve("coordinator.log"), tune(study));
        // kill the coordinator once a trial has finished and another is half-way, with a checkpoint
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(study.resolve("journal.jsonl")) && !events(study, "completed").isEmpty()
                    && events(study, "epoch").stream().anyMatch(e -> e.get("epoch").asInt() == 1
                    && e.get("checkpoint").asBoolean() && e.get("trial").asInt() > 0)) {
                break;
            }
            Thread.sleep(50);
        }
        p.destroyForcibly().waitFor();
        List<Integer> finishedBefore = events(study, "completed").stream().map(e -> e.get("trial").asInt()).toList();
        assertFalse(finishedBefore.isEmpty(), Files.readString(dir.resolve("coordinator.log")));

        Cli.Run r = Cli.run(tune(study, "--resume"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(4, events(study, "created").size(), "trials were created twice");
        for (int n : finishedBefore) {
            long starts = events(study, "started").stream().filter(e -> e.get("trial").asInt() == n).count();
            assertEquals(1, starts, "finished trial " + n + " ran again");
        }
        long finished = events(study, "completed").size() + events(study, "pruned").size();
        assertEquals(4, finished, "failed: " + events(study, "failed"));
        assertEquals(5, Files.readAllLines(study.resolve("results.csv")).size());
        // the half-way trial went on from its checkpoint instead of starting again
        JsonNode resumed = events(study, "resumed").stream().filter(e -> e.get("epoch").asInt() == 1).findFirst()
                .orElseThrow(() -> new AssertionError("no trial resumed from a checkpoint: " + events(study, "resumed")));
        String log = Files.readString(study.resolve("trials").resolve(String.format("%04d", resumed.get("trial").asInt()))
                .resolve("log.txt"));
        assertTrue(log.contains("going on from the checkpoint after epoch 1"), log);
        assertTrue(Files.exists(study.resolve("best/metrics.json")));
        assertTrue(r.out().contains("evaluated once on test"), r.out());

        // a finished study resumed again: no worker starts, test is not touched a second time
        String metrics = Files.readString(study.resolve("best/metrics.json"));
        Cli.Run again = Cli.run(tune(study, "--resume"));
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("all 4 trials have finished; nothing to run"), again.out());
        assertTrue(again.out().contains("evaluated on test when the study first finished"), again.out());
        assertFalse(again.out().contains("coordinator at"), again.out());
        assertEquals(metrics, Files.readString(study.resolve("best/metrics.json")));
    }

    @Test
    void aTrialWhoseLossIsNotFiniteFailsWithThatReasonAndTheStudyGoesOn() throws Exception {
        ecgbeats.data.BeatDataset d = ecgbeats.data.DatasetFile.read(data);
        d.train().samples()[50] = Float.NaN;
        Path poisoned = dir.resolve("poisoned.ecgb");
        ecgbeats.data.DatasetFile.write(d, poisoned);
        Path study = dir.resolve("nan-study");
        Cli.Run r = Cli.run("tune", "--data", poisoned.toString(), "--model", "cnn2d", "--space", space.toString(),
                "--search", "random", "--trials", "2", "--epochs", "1", "--out", study.toString());
        assertEquals(1, r.code(), "no trial completed: a failure; " + r.out() + r.err());
        List<JsonNode> failed = events(study, "failed");
        assertEquals(2, failed.size(), r.out());
        assertTrue(failed.get(0).toString().contains("epoch 1, step ") && failed.get(0).toString()
                .contains("the training loss is NaN"), failed.get(0).toString());
        assertTrue(r.out().contains("2 trials: 0 complete, 0 pruned, 2 failed"), r.out());
    }

    private static void assertBad(String expected, String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in " + r.err());
    }

    @Test
    void badStudiesAreRefusedWithoutTouchingTheStudyFolder() throws IOException {
        Path out = dir.resolve("bad");
        Path wrong = dir.resolve("wrong.yaml");
        Files.writeString(wrong, "gru_hidden: {choice: [8, 16]}\n");
        assertBad(wrong + ": cnn2d does not use hyperparameter 'gru_hidden'", tune(out, wrong));
        Files.writeString(wrong, "dropout: {choice: [0.2, 1.5]}\n"); // one bad value among good ones
        assertBad("dropout=1.5: must be in [0, 1)", tune(out, wrong));
        Files.writeString(wrong, "hidden: {uniform: [9, 3]}\n");
        assertBad("lo > hi", tune(out, wrong));
        assertBad("not a study folder", tune(out, "--resume"));
        assertBad("option '--time-budget': expected a duration such as 45s, 90m or 2h, not 'soon'", tune(out, "--time-budget", "soon"));
        assertBad("--listen nowhere: expected HOST:PORT", tune(out, "--listen", "nowhere"));
        assertBad("--workers and --worker-threads at least 0", tune(out, "--workers", "-1"));
        Files.writeString(wrong, "hidden: {choice: [4, 8]}\nlr: {loguniform: [1e-4, 1e-2]}\n");
        assertBad("grid search needs a space of choices only, and 'lr' is not a choice",
                "tune", "--data", data.toString(), "--model", "cnn2d", "--space", wrong.toString(), "--search", "grid",
                "--trials", "4", "--out", out.toString());
        assertFalse(Files.exists(out), "nothing written, no worker started: " + out);

        Path other = dir.resolve("other.ecgb");
        Cli.buildBundled("213", other);
        Path study = dir.resolve("small");
        Cli.Run ok = Cli.run("tune", "--data", data.toString(), "--model", "cnn2d", "--space", space.toString(),
                "--search", "random", "--trials", "1", "--epochs", "1", "--fraction", "0.2", "--out", study.toString());
        assertEquals(0, ok.code(), ok.err());
        String journal = Files.readString(study.resolve("journal.jsonl"));
        // one short line: the data's checksum differs, nothing else
        assertBad("made with other settings or data; these differ: data: " + ecgbeats.util.Sha256.of(data) + " → "
                + ecgbeats.util.Sha256.of(other), "tune", "--data", other.toString(), "--model", "cnn2d", "--space",
                space.toString(), "--search", "random", "--trials", "1", "--epochs", "1", "--fraction", "0.2",
                "--out", study.toString(), "--resume");
        assertEquals(journal, Files.readString(study.resolve("journal.jsonl")));
    }
}
