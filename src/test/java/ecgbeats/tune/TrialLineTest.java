package ecgbeats.tune;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialLineTest {

    @Test
    void whatTheWorkerWritesTheRunnerReadsBack() throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recall_macro", 0.8125);
        m.put("accuracy", 0.96);
        m.put("valid_loss", 0.1);
        for (TrialLine line : List.of(new TrialLine.Epoch(3, 0.8125, m, true), new TrialLine.Epoch(4, 0.5, m, false),
                new TrialLine.Done(m), new TrialLine.Failed("epoch 2, step 7 of 90: the training loss is NaN"))) {
            assertEquals(Optional.of(line), TrialLine.parse(line.format()), line.format());
        }
        // metrics keep their order: results.csv's columns follow it
        TrialLine.Done done = (TrialLine.Done) TrialLine.parse(new TrialLine.Done(m).format()).orElseThrow();
        assertEquals(List.copyOf(m.keySet()), List.copyOf(done.metrics().keySet()));
    }

    @Test
    void otherLinesAreTheLogAndABrokenProtocolLineIsAnError() throws IOException {
        assertTrue(TrialLine.parse("epoch  1/3  120 beats/s ...").isEmpty());
        assertTrue(TrialLine.parse("").isEmpty());
        assertThrows(IOException.class, () -> TrialLine.parse("@epoch {\"value\": 0.5"));
        assertThrows(IOException.class, () -> TrialLine.parse("@epoch {\"value\": 0.5}"));
    }
}
