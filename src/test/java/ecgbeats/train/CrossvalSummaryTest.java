package ecgbeats.train;

import ecgbeats.model.Architecture;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossvalSummaryTest {

    @TempDir
    Path dir;

    private final RunConfig config = RunConfig.defaults(Architecture.CNN2D);
    private final CrossvalSummary plan = CrossvalSummary.plan(new CrossvalSummary.DataFile("/data/inter.ecgb", "ab12"),
            config, List.of(201, 203), List.of(List.of(101, 201), List.of(203, 230)));

    private static Metrics metrics(int... predictions) {
        return Metrics.of("valid", new int[] {0, 1, 2, 0}, predictions);
    }

    @Test
    void whatIsWrittenReadsBackAsItWasAtEveryStage() throws Exception {
        Path f = dir.resolve("crossval.json");
        CrossvalSummary oneFold = plan.withFold(new CrossvalSummary.FoldResult(1, List.of(101, 201), "fold-1",
                metrics(0, 1, 1, 0)));
        for (CrossvalSummary s : List.of(plan, oneFold.with(CrossvalSummary.Status.PAUSED),
                oneFold.complete(metrics(0, 1, 2, 0)))) {
            s.write(f);
            CrossvalSummary back = CrossvalSummary.read(f);
            assertEquals(s.status(), back.status());
            assertEquals(s.folds(), back.folds());
            assertEquals(s.apart(), back.apart());
            assertEquals(s.foldResults().size(), back.foldResults().size());
            assertEquals(config, back.runConfig());
            back.write(dir.resolve("again.json"));
            assertEquals(Files.readString(f), Files.readString(dir.resolve("again.json")), "the same bytes again");
        }
        CrossvalSummary done = CrossvalSummary.read(f);
        assertEquals(CrossvalSummary.Status.COMPLETE, done.status());
        assertEquals(0.75, done.foldResults().get(0).valid().accuracy(), 1e-12);
        assertEquals(1.0, done.pooled().accuracy(), 1e-12);
        assertNull(CrossvalSummary.read(writeThen(plan, f)).pooled(), "no pooled metrics before the folds are done");
        assertFalse(Files.readString(f).contains("pooled"));
    }

    @Test
    void aFileFromBeforeRecordsCouldBeKeptApartHasNone() throws Exception {
        Path f = writeThen(plan, dir.resolve("crossval.json"));
        Files.writeString(f, Files.readString(f).replaceAll("\"apart\" : \\[[^\\]]*\\],", ""));
        assertFalse(Files.readString(f).contains("apart"));
        assertEquals(List.of(), CrossvalSummary.read(f).apart());
    }

    @Test
    void aFileThatIsNotASummaryIsRefusedByName() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "{");
        Path noModel = Files.writeString(dir.resolve("b.json"), "{\"status\":\"RUNNING\",\"folds\":[[1]]}");
        for (Path f : List.of(notJson, noModel)) {
            BadInputException e = assertThrows(BadInputException.class, () -> CrossvalSummary.read(f));
            assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("not a cross-validation"),
                    e.getMessage());
        }
    }

    private static Path writeThen(CrossvalSummary s, Path f) throws Exception {
        s.write(f);
        return f;
    }
}
