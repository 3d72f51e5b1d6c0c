package ecgbeats.train;

import ecgbeats.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config.json has one reader and writer: what is written reads back the same, and older files still read. */
class RunRecordTest {

    @TempDir
    Path dir;

    @Test
    void aRunsRecordReadsBackAsItWasWritten() throws IOException {
        Path data = dir.resolve("d.ecgb");
        ecgbeats.data.DatasetFile.write(SyntheticBeats.rhythmDataset(10, 3), data);
        RunConfig rc = SyntheticBeats.smallCnn2d("features", "rr", "scheduler", "cosine", "label_smoothing", "0.05");
        new TrainJob(data, rc.with(java.util.Map.of("epochs", "1")), dir.resolve("run"), true)
                .run(EpochListener.none(), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        RunRecord r = run.readRecord();
        assertEquals(LrSchedule.COSINE, r.runConfig().training().scheduler());
        assertEquals(0.05, r.runConfig().training().labelSmoothing());
        assertEquals("rr", r.runConfig().model().features().id());
        assertEquals(1, r.bestEpoch());
        assertTrue(r.rrScaling() != null && r.software().torchThreads() >= 1);
        Path again = dir.resolve("again");
        Files.createDirectories(again);
        new RunDirectory(again).writeRecord(r);
        assertEquals(Json.MAPPER.readTree(dir.resolve("run/config.json").toFile()),
                Json.MAPPER.readTree(again.resolve("config.json").toFile()));
        Metrics m = run.readMetrics();
        assertEquals(Files.readString(dir.resolve("run/metrics.json")).strip(), RunDirectory.metricsJson(m).strip());
    }

    @Test
    void aRecordOfAnOlderVersionReadsWithTheNewSettingsAtTheirDefaults() throws Exception {
        Path then = Path.of(getClass().getResource("/run-2026-11-27/config.json").toURI()).getParent();
        RunRecord r = new RunDirectory(then).readRecord();
        assertEquals(LrSchedule.PLATEAU, r.runConfig().training().scheduler());
        assertEquals(0.0, r.runConfig().training().labelSmoothing());
        assertNull(r.adaptation());
        assertEquals(187, r.extraction().beatLength());
    }

    @Test
    void anAdaptationTravelsWithTheRecord() throws Exception {
        Path then = Path.of(getClass().getResource("/run-2026-11-27/config.json").toURI()).getParent();
        RunRecord r = new RunDirectory(then).readRecord();
        RunRecord adapted = r.adapted(Json.MAPPER.readTree("{\"method\":\"fine-tune\"}"), "now");
        new RunDirectory(dir).writeRecord(adapted);
        assertEquals("fine-tune", new RunDirectory(dir).readRecord().adaptation().get("method").asText());
    }
}
