package ecgbeats.tune;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusTableTest {

    @Test
    void runningTrialsComeFirstThenTheBestFinishedOnes() {
        List<Trial> trials = List.of(
                new Trial(0, Map.of("lr", 0.001), 1, TrialState.COMPLETE, List.of(0.5, 0.7), Map.of(), "w1", 9),
                new Trial(1, Map.of("lr", 0.01), 2, TrialState.PRUNED, List.of(0.2), Map.of(), "w2", 3),
                new Trial(2, Map.of("lr", 0.002), 3, TrialState.COMPLETE, List.of(0.8, 0.9), Map.of(), "w1", 9),
                new Trial(3, Map.of("lr", 0.005), 4, TrialState.RUNNING, List.of(0.4), Map.of(), "w2", 2));
        String table = StatusTable.render(trials, List.of("lr"), "recall_macro", Duration.ofSeconds(3725), 3);
        List<String> lines = table.lines().toList();
        assertEquals("== status 1:02:05 == 4 trials: 1 RUNNING 2 COMPLETE 1 PRUNED; best trial 2, recall_macro 0.9000",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("trial  state"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3      RUNNING   w2      1       0.4000  0.4000  0.005"), lines.get(2));
        assertTrue(lines.get(3).startsWith("2      COMPLETE"), lines.get(3));
        assertTrue(lines.get(4).startsWith("0      COMPLETE"), lines.get(4));
        assertEquals("... 1 more in results.csv", lines.get(5));
    }
}
