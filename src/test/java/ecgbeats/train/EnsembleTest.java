package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.model.Architecture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Soft voting: the mean of the members' class probabilities. */
class EnsembleTest {

    private static Network net(long seed) {
        return Network.create(RunConfig.defaults(Architecture.CNN2D).with(Map.of("hidden", "4")).model(), seed);
    }

    @Test
    void anEnsembleAveragesItsMembersProbabilities() {
        BeatTable beats = SyntheticBeats.table(4, 1);
        try (Network a = net(1); Network b = net(2)) {
            float[] pa = a.logProbabilities(beats, 32);
            float[] pb = b.logProbabilities(beats, 32);
            float[] both = Ensemble.logProbabilities(List.of(a, b), beats);
            for (int i = 0; i < beats.size(); i++) {
                double total = 0;
                for (int c = 0; c < AamiClass.COUNT; c++) {
                    int k = i * AamiClass.COUNT + c;
                    double mean = (Math.exp(pa[k]) + Math.exp(pb[k])) / 2;
                    assertEquals(mean, Math.exp(both[k]), 1e-6, "beat " + i + " class " + c);
                    total += Math.exp(both[k]);
                }
                assertEquals(1, total, 1e-5);
            }
            assertArrayEquals(pa, Ensemble.logProbabilities(List.of(a), beats), "one member is itself");
            float[] twice = Ensemble.logProbabilities(List.of(a, a), beats);
            assertArrayEquals(Training.argmax(pa), Training.argmax(twice), "a member twice votes as itself");
        }
    }

    @Test
    void anEnsembleNeedsAMember() {
        assertThrows(IllegalArgumentException.class,
                () -> Ensemble.logProbabilities(List.of(), SyntheticBeats.table(1, 1)));
    }
}
