package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.TestData;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.util.FolderLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** crossval end to end on two bundled records: one fold each, pooled, never tested, paused and resumed. */
class CrossvalCommandTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path whole;
    static Cli.Run wholeRun;

    /** Two folds of six epochs that take about half a second each here. */
    private static final List<String> CONFIG = List.of("--model", "cnn2d", "--set", "hidden=8", "--set",
            "fraction=0.5", "--epochs", "6", "--seed", "5");

    @BeforeAll
    static void crossValidateOnce() {
        data = dir.resolve("d.ecgb");
        Cli.buildBundled("232,208", data);
        whole = dir.resolve("whole");
        wholeRun = Cli.run(crossval(whole));
    }

    private static String[] crossval(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("crossval", "--data", data.toString()));
        args.addAll(CONFIG);
        if (!List.of(more).contains("--folds")) {
            args.addAll(List.of("--folds", "2"));
        }
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** crossval into {@code out} with {@code more} options, which must succeed. */
    private static Cli.Run succeeds(Path out, String... more) {
        Cli.Run r = Cli.run(crossval(out, more));
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("crossval.json").toFile());
    }

    @Test
    void everyTrainingBeatIsJudgedOnceByTheFoldThatDidNotTrainOnIt() throws IOException {
        assertEquals(0, wholeRun.code(), wholeRun.err());
        JsonNode s = summary(whole);
        assertEquals("COMPLETE", s.path("status").asText());
        BeatDataset d = DatasetFile.read(data);
        JsonNode pooled = s.path("pooled");
        assertEquals(d.train().size() + d.valid().size(), pooled.path("n").asInt());
        assertEquals("[[208],[232]]", s.path("folds").toString());
        assertEquals("[]", s.path("apart").toString(), "no records kept apart");
        // the pooled confusion is the sum of each fold's run evaluated on its held-out split, through evaluate
        int[][] sum = new int[5][5];
        for (int f = 1; f <= 2; f++) {
            Path run = whole.resolve("fold-" + f);
            assertFalse(Files.exists(run.resolve("metrics.json")), "the test split is never evaluated");
            Cli.Run e = Cli.run("evaluate", "--run", run.toString(), "--data", whole.resolve("fold-" + f + ".ecgb")
                    .toString(), "--split", "valid", "--json");
            assertEquals(0, e.code(), e.err());
            JsonNode cm = new ObjectMapper().readTree(e.out()).path("confusion");
            for (int t = 0; t < 5; t++) {
                for (int p = 0; p < 5; p++) {
                    sum[t][p] += cm.get(t).get(p).asInt();
                }
            }
            assertEquals(s.path("fold_results").get(f - 1).path("valid").path("confusion"), cm);
        }
        assertEquals(new ObjectMapper().valueToTree(sum), pooled.path("confusion"));
        assertTrue(wholeRun.out().contains("pooled over 2 folds"), wholeRun.out());
    }

    @Test
    void aCrossValidationsFolderIsItsFoldRunsAsOneEnsemble() throws IOException {
        assertEquals(0, wholeRun.code(), wholeRun.err());
        String[] evaluate = {"evaluate", "--data", data.toString(), "--split", "test", "--json"};
        Cli.Run byFolder = Cli.run(concat(new String[] {"--run", whole.toString()}, evaluate));
        Cli.Run byRuns = Cli.run(concat(new String[] {"--run", whole.resolve("fold-1").toString(), "--run",
            whole.resolve("fold-2").toString()}, evaluate));
        Cli.Run one = Cli.run(concat(new String[] {"--run", whole.resolve("fold-1").toString()}, evaluate));
        assertEquals(0, byFolder.code(), byFolder.err());
        assertEquals(byRuns.out(), byFolder.out());
        assertNotEquals(one.out(), byFolder.out(), "both folds vote, not the first alone");
    }

    /** {@code evaluate} first, then the runs, then the rest of {@code command}. */
    private static String[] concat(String[] runs, String[] command) {
        String[] out = new String[runs.length + command.length];
        out[0] = command[0];
        System.arraycopy(runs, 0, out, 1, runs.length);
        System.arraycopy(command, 1, out, 1 + runs.length, command.length - 1);
        return out;
    }

    @Test
    void aPausedCrossValidationResumedEndsAsAnUninterruptedOne() throws IOException {
        Path paused = dir.resolve("paused");
        // a budget shorter than any epoch: the pause comes after fold 1's first epoch on any machine
        // (with 1s a fast, idle machine finished fold 1 and paused before fold 2 had a checkpoint)
        Cli.Run p = succeeds(paused, "--time-budget", "PT0.1S");
        assertTrue(p.out().contains("paused with 0 of 2 folds done"), p.out());
        assertEquals("PAUSED", summary(paused).path("status").asText());

        Cli.Run r = succeeds(paused, "--resume");
        assertTrue(r.out().matches("(?s).*going on from the checkpoint after epoch [1-5]\n.*"), r.out());
        assertEquals(summary(whole).path("pooled"), summary(paused).path("pooled"));

        // a finished one resumed trains nothing and says the same
        Cli.Run again = succeeds(paused, "--resume");
        assertFalse(again.out().contains("epoch "), again.out());
        assertEquals(summary(whole).path("pooled"), summary(paused).path("pooled"));
    }

    @Test
    void foldsTrainedOneProcessEachPoolAsOneRunDoes() throws IOException {
        Path split = dir.resolve("split");
        Cli.Run second = succeeds(split, "--fold", "2");
        assertTrue(second.out().contains("fold 2 done"), second.out());
        assertFalse(Files.exists(split.resolve("fold-1")), "fold 1 is left to its own process");

        succeeds(split, "--fold", "1"); // joins the folder, no --resume needed
        assertEquals("RUNNING", summary(split).path("status").asText(), "a one-fold run leaves crossval.json alone");
        assertFalse(summary(split).has("pooled"));

        Cli.Run pool = succeeds(split, "--resume");
        assertFalse(pool.out().contains("epoch "), "nothing trained again: " + pool.out());
        assertEquals(summary(whole).path("pooled"), summary(split).path("pooled"));
        assertEquals(summary(whole).path("fold_results"), summary(split).path("fold_results"));

        // a process started together with another on a new folder may find only its plan on the way in
        Path together = dir.resolve("together");
        Files.createDirectories(together);
        Files.writeString(together.resolve(".crossval.json.1f.tmp"), "{");
        Cli.Run notOneFold = Cli.run(crossval(together));
        assertEquals(2, notOneFold.code(), "a run over all folds still wants a new or empty folder");
        assertTrue(notOneFold.err().contains("already exists and is not empty"), notOneFold.err());
        succeeds(together, "--fold", "1");

        Cli.Run third = Cli.run(crossval(split, "--fold", "3"));
        assertEquals(2, third.code());
        assertEquals("ecgbeats: --fold 3: the cross-validation has 2 folds, 1 to 2", third.err().strip());
        Cli.Run other = Cli.run(crossval(split, "--fold", "1", "--set", "hidden=16"));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("these differ: hidden: 8 → 16"), other.err());
    }

    @Test
    void aFoldAnotherProcessHoldsIsLeftToIt() throws IOException {
        Path shared = dir.resolve("shared");
        succeeds(shared, "--fold", "2");
        try (FolderLock held = FolderLock.tryLock(shared.resolve("fold-1.lock"))) {
            assertTrue(held != null);
            Cli.Run same = Cli.run(crossval(shared, "--fold", "1"));
            assertEquals(2, same.code());
            assertEquals("ecgbeats: " + shared.resolve("fold-1") + ": fold 1 is being trained by another process",
                    same.err().strip());
            assertFalse(Files.exists(shared.resolve("fold-1")), "nothing written for the held fold");

            Cli.Run all = succeeds(shared, "--resume");
            assertTrue(all.out().contains("fold 1 of 2: being trained by another process, left to it"), all.out());
            assertTrue(all.out().contains("paused with 1 of 2 folds done (folds [1] are being trained by other "
                    + "processes)"), all.out());
            assertEquals("PAUSED", summary(shared).path("status").asText());
        }
        succeeds(shared, "--resume");
        assertEquals(summary(whole).path("pooled"), summary(shared).path("pooled"));
    }

    @Test
    void aFolderIsNeverOverwrittenNorResumedWithOtherSettings() {
        assertEquals(0, wholeRun.code(), wholeRun.err());
        Cli.Run exists = Cli.run(crossval(whole));
        assertEquals(2, exists.code());
        assertTrue(exists.err().contains("already exists and is not empty"), exists.err());

        Cli.Run other = Cli.run(crossval(whole, "--resume", "--set", "hidden=16"));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("these differ: hidden: 8 → 16"), other.err());

        // the same folds either way (one record a fold), but not the same plan
        Cli.Run apart = Cli.run(crossval(whole, "--resume", "--apart", "208"));
        assertEquals(2, apart.code());
        assertTrue(apart.err().contains("these differ: apart ([] then, [208] now)"), apart.err());

        Cli.Run tooMany = Cli.run(crossval(dir.resolve("three"), "--folds", "3"));
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().contains("--folds 3: the dataset's train and validation splits hold 2 records"),
                tooMany.err());
        assertEquals(1, tooMany.err().lines().count(), tooMany.err());

        Cli.Run notThere = Cli.run(crossval(dir.resolve("apart"), "--apart", "208,101"));
        assertEquals(2, notThere.code());
        assertEquals("ecgbeats: --apart 101: not in the dataset's train or validation split (its records there: "
                + "[208, 232])", notThere.err().strip());
        assertFalse(Files.exists(dir.resolve("apart").resolve("crossval.json")), "nothing written");
    }
}
