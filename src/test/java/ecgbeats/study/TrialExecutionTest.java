package ecgbeats.study;

import ecgbeats.data.BuildRequest;
import ecgbeats.data.DatasetBuilder;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Protocol;
import ecgbeats.data.beat.ExtractionSettings;
import ecgbeats.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tuning trial cut off after its second epoch (the study stopped answering, as when its
 * coordinator or worker is killed) and run again from that epoch's checkpoint ends exactly as the
 * same trial run without a break: the same weights, byte for byte, and the same result line.
 */
class TrialExecutionTest {

    @TempDir
    Path dir;

    private TrialSpec spec(Path data, String name, Path in) {
        return new TrialSpec(data.toString(), "cnn2d", dir.resolve(name).toString(),
                dir.resolve(name + ".ckpt").toString(), in == null ? null : in.toString(),
                Map.of("hidden", 4, "batch", 32, "lr", 0.003, "dropout", 0.3), 3, 0.3, "recall_macro", 11);
    }

    private static BufferedReader answers(int continues) {
        return new BufferedReader(new StringReader("CONTINUE\n".repeat(continues)));
    }

    @Test
    void aTrialResumedFromItsCheckpointEndsAsAnUninterruptedOne() throws Exception {
        Path data = dir.resolve("d.ecgb");
        DatasetFile.write(DatasetBuilder.build(new BuildRequest(Path.of("data/mitdb"), Protocol.INTRA,
                List.of(208, 232), 42, 0.2, 0.1, ExtractionSettings.KACHUEE, null)), data);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        assertEquals(TrialExecution.Outcome.DONE, TrialExecution.run(spec(data, "whole", null), answers(3),
                new PrintStream(whole, true, StandardCharsets.UTF_8)));

        // the study answers one epoch, then its input closes: the trial is abandoned after epoch 2's checkpoint
        ByteArrayOutputStream twoOnly = new ByteArrayOutputStream();
        assertEquals(TrialExecution.Outcome.ABANDONED, TrialExecution.run(spec(data, "two", null), answers(1),
                new PrintStream(twoOnly, true, StandardCharsets.UTF_8)));
        Path two = dir.resolve("two-resume.ckpt");
        Files.copy(dir.resolve("two.ckpt"), two);
        assertEquals(2, ecgbeats.train.Checkpoint.decode(Files.readAllBytes(two)).epoch());
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertEquals(TrialExecution.Outcome.DONE, TrialExecution.run(spec(data, "resumed", two), answers(1),
                new PrintStream(second, true, StandardCharsets.UTF_8)));

        assertEquals(Sha256.of(dir.resolve("whole/model.params")), Sha256.of(dir.resolve("resumed/model.params")));
        assertEquals(doneLine(whole), doneLine(second));
        assertTrue(doneLine(whole).startsWith("@done "), doneLine(whole));
    }

    @Test
    void aTrialSpecReadsBackAsItWasWritten() throws Exception {
        TrialSpec spec = new TrialSpec("d.ecgb", "cnn2d", "out", "c.ckpt", null,
                Map.of("hidden", 8, "lr", 0.003, "features", "rr_norm"), 3, 0.25, "recall_macro", 11);
        spec.write(dir.resolve("trial.json"));
        TrialSpec back = TrialSpec.read(dir.resolve("trial.json"));
        assertEquals(spec, back);
        assertEquals(spec.settings(), back.settings());
        assertTrue(!Files.readString(dir.resolve("trial.json")).contains("checkpoint_in"), "absent, not null");
    }

    private static String doneLine(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("@done ")).reduce((a, b) -> b)
                .orElse("");
    }
}
