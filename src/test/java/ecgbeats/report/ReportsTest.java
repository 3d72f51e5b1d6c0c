package ecgbeats.report;

import ecgbeats.Browser;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    @TempDir
    Path dir;

    static Path run(Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("config.json"), "{\"model\": \"cnn2d\", \"hyperparameters\": {\"hidden\": 8}, \"training\": {\"epochs\": 3}, "
                + "\"parameters\": 1234, \"seed\": 7, "
                + "\"best_epoch\": 2, \"stop\": \"epoch_limit\", \"data\": {\"file\": \"d.ecgb\", \"protocol\": \"intra\"}}");
        Files.writeString(run.resolve("history.csv"), "epoch,train_loss,valid_loss,valid_accuracy,valid_recall_macro,lr,"
                + "seconds\n1,0.9,0.8,0.7,0.6,0.001,1.0\n2,0.5,0.6,0.8,0.7,0.001,1.0\n3,0.4,0.65,0.82,0.69,0.0002,1.0\n");
        Files.writeString(run.resolve("metrics.json"), "{\"split\": \"test\", \"n\": 10, \"accuracy\": 0.8, "
                + "\"recall_macro\": 0.7, \"precision_macro\": 0.6, \"f1_macro\": 0.65, \"per_class\": {\"N\": "
                + "{\"precision\": 0.9, \"recall\": 0.8, \"f1\": 0.85, \"support\": 6}, \"S\": {\"precision\": 0.5, "
                + "\"recall\": 1, \"f1\": 0.67, \"support\": 2}, \"V\": {\"precision\": 1, \"recall\": 1, \"f1\": 1, "
                + "\"support\": 1}, \"F\": {\"precision\": 0, \"recall\": 0, \"f1\": 0, \"support\": 0}, \"Q\": "
                + "{\"precision\": 0, \"recall\": 0, \"f1\": 0, \"support\": 1}}, \"confusion\": "
                + "[[5,1,0,0,0],[0,2,0,0,0],[0,0,1,0,0],[0,0,0,0,0],[0,1,0,0,0]]}");
        return run;
    }

    static Path study(Path dir) throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        StringBuilder j = new StringBuilder("{\"event\":\"study\",\"time\":\"2026-11-27T10:00:00Z\",\"fingerprint\":"
                + "\"f\",\"objective\":\"recall_macro\"}\n");
        for (int t = 0; t < 4; t++) {
            j.append(String.format("{\"event\":\"created\",\"time\":\"2026-11-27T10:0%d:00Z\",\"trial\":%d,\"seed\":1,"
                    + "\"params\":{\"lr\":0.00%d}}%n", t, t, t + 1));
            int epochs = t % 2 == 0 ? 3 : 1;
            for (int e = 1; e <= epochs; e++) {
                j.append(String.format("{\"event\":\"epoch\",\"time\":\"2026-11-27T10:0%d:%d0Z\",\"trial\":%d,"
                        + "\"epoch\":%d,\"value\":0.%d,\"decision\":\"%s\"}%n", t, e, t, e, 5 + e,
                        epochs == 1 ? "STOP" : "CONTINUE"));
            }
            j.append(String.format("{\"event\":\"%s\",\"time\":\"2026-11-27T10:0%d:50Z\",\"trial\":%d}%n",
                    epochs == 1 ? "pruned" : "completed", t, t));
        }
        Files.writeString(study.resolve("journal.jsonl"), j);
        Files.writeString(study.resolve("results.csv"), "trial,state,epochs,recall_macro,accuracy,seconds,worker,lr,k\n"
                + "0,COMPLETE,3,0.8,0.9,50,w,0.001,a\n2,COMPLETE,3,0.8,0.9,50,w,0.003,b\n"
                + "1,PRUNED,1,0.6,0.7,10,w,0.002,a\n3,PRUNED,1,0.6,0.7,10,w,0.004,b\n");
        return study;
    }

    private static int images(String html) {
        return html.split("src=\"data:image/png;base64,", -1).length - 1;
    }

    @Test
    void aRunReportHasItsCurvesConfusionAndTablesAndNothingOutside() throws IOException {
        String html = Reports.render(run(dir));
        assertEquals(4, images(html), "loss, validation, learning rate, confusion");
        assertTrue(html.contains("<td>0.8500</td>"), "per-class F1 in the table");
        assertTrue(html.contains("accuracy 0.8000, macro recall 0.7000"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "a report links to nothing and runs nothing");
        assertFalse(html.contains("By record"), "no per_record, no table");
    }

    @Test
    void aRunEvaluatedOnRecordsShowsEachRecord() throws IOException {
        Path run = run(dir);
        String m = Files.readString(run.resolve("metrics.json"));
        Files.writeString(run.resolve("metrics.json"), m.substring(0, m.lastIndexOf('}')) + ", \"per_record\": ["
                + "{\"record\": 222, \"n\": 9, \"accuracy\": 0.5, \"confusion\": "
                + "[[3,2,1,0,0],[1,2,0,0,0],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0]]}]}");
        String html = Reports.render(run);
        assertTrue(html.contains("By record"), html);
        // S: 2 of 3 found, 2 N called S; V: 0 of 0, 1 N called V
        assertTrue(html.contains("<td>222</td><td>9</td><td>0.5000</td><td>2 / 3</td><td>0 / 0</td><td>0 / 0</td>"
                + "<td>2</td><td>1</td>"), html);
    }

    @Test
    void aStudyReportHasTrialsParametersResultsAndRungs() throws IOException {
        String html = Reports.render(study(dir));
        assertEquals(4, images(html), "objective over time, lr, k, rung survival");
        assertTrue(html.contains("4 trials (2 completed, 2 pruned, 0 failed)"), html.substring(0, 600));
        assertTrue(html.contains("<tr><td>1</td><td>4</td><td>2</td></tr>"), "epoch 1: 4 trials, 2 stopped");
        assertTrue(html.contains("<tr><td>3</td><td>2</td><td>0</td></tr>"), "epoch 3: 2 trials");
    }

    @Test
    void aStudyReportCountsOnlyTheEpochsTheStudyKept() throws IOException {
        Path study = study(dir);
        // trial 0 ran 3 epochs on worker a, which died after the checkpoint of epoch 1; on worker b it went on
        // from epoch 1 with lower values. Epochs 2 and 3 of the first attempt no longer count.
        String moved = Files.readString(study.resolve("journal.jsonl")).replace(
                "{\"event\":\"completed\",\"time\":\"2026-11-27T10:00:50Z\",\"trial\":0}",
                "{\"event\":\"started\",\"time\":\"2026-11-27T10:00:40Z\",\"trial\":0,\"epoch\":1,\"worker\":\"b\"}\n"
                + "{\"event\":\"epoch\",\"time\":\"2026-11-27T10:00:45Z\",\"trial\":0,\"epoch\":2,\"value\":0.61}\n"
                + "{\"event\":\"completed\",\"time\":\"2026-11-27T10:00:50Z\",\"trial\":0}");
        Files.writeString(study.resolve("journal.jsonl"), moved);
        String html = Reports.render(study);
        // trial 2 (0.8 at epoch 3) is the best; trial 0's abandoned 0.8 would tie it, its kept best is 0.61
        assertTrue(html.contains("Best complete trial: 2, validation recall_macro 0.8000."), html.substring(0, 900));
        assertEquals(0.61, ecgbeats.tune.StudyHistory.read(study.resolve("journal.jsonl")).trials().get(0).best()
                .getAsDouble(), 1e-12);
    }

    @Test
    void numbersInTablesHaveFourSignificantDigits() {
        assertEquals("0.3061", StudyReport.forPeople("0.30610604830434784"));
        assertEquals("0.000955", StudyReport.forPeople("9.549882054498131E-4"));
        assertEquals("128", StudyReport.forPeople("128"));
        assertEquals("adamw", StudyReport.forPeople("adamw"));
        assertEquals("COMPLETE", StudyReport.forPeople("COMPLETE"));
    }

    @Test
    void aFolderThatIsNeitherIsRefused() throws IOException {
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.render(dir));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        Path broken = run(dir);
        Files.writeString(broken.resolve("history.csv"), "epoch,train_loss\n1,x\n");
        e = assertThrows(BadInputException.class, () -> Reports.render(broken));
        assertTrue(e.getMessage().contains("history.csv") && e.getMessage().contains("not a number"), e.getMessage());
    }

    /** The report opened in headless Chromium: every chart decodes (Debian's chromium; skipped without it). */
    @org.junit.jupiter.api.Tag("browser")
    @Test
    void chromiumShowsEveryChart() throws Exception {
        for (Path folder : new Path[] {run(dir), study(dir)}) {
            assertEquals("4/4", Browser.evaluate(Reports.render(folder), Browser.DECODED_IMAGES, dir));
        }
    }
}
