package ecgbeats.train;

import ecgbeats.util.Decision;

import ecgbeats.data.BeatDataset;
import ecgbeats.model.Architecture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    private static final BeatDataset DATA = SyntheticBeats.dataset(40, 7);
    private static final RunConfig CONFIG = RunConfig.defaults(Architecture.CNN2D).with(Map.of("hidden", "8",
            "batch", "16", "epochs", "4", "lr", "3e-3", "patience", "10"));

    private static List<Checkpoint> trainAll(List<Checkpoint> sink) throws IOException {
        try (Network net = Network.create(CONFIG.model(), 3)) {
            new Training(CONFIG.training(), EpochListener.none()).run(net, DATA.train(), null, DATA.valid(), null,
                    sink::add);
        }
        return sink;
    }

    @Test
    void aRunResumedFromItsCheckpointGoesOnFromThatEpoch() throws IOException {
        List<Checkpoint> saved = trainAll(new ArrayList<>());
        assertEquals(4, saved.size());
        Checkpoint two = Checkpoint.decode(saved.get(1).encode());
        assertEquals(2, two.epoch());
        assertArrayEquals(saved.get(1).encode(), two.encode(), "what is read is written again to the same bytes");
        assertEquals(saved.get(1).history().size(), two.history().size());
        assertEquals(saved.get(1).bestValid().accuracy(), two.bestValid().accuracy(), 0);
        assertArrayEquals(saved.get(1).weights(), two.weights());
        assertEquals(saved.get(1).plateau(), two.plateau());
        assertEquals(saved.get(1).early(), two.early());
        // Adam's state survives the round trip: its step count and both moments, value for value
        OptimizerState before = saved.get(1).optimizer();
        assertTrue(before.steps() > 0 && before.m().length > 0);
        assertEquals(before.steps(), two.optimizer().steps());
        assertArrayEquals(before.m(), two.optimizer().m());
        assertArrayEquals(before.v(), two.optimizer().v());
        assertTrue(java.util.stream.IntStream.range(0, before.v().length).anyMatch(i -> before.v()[i] != 0),
                "the moments were written, not zeros");

        List<Integer> heard = new ArrayList<>();
        TrainingResult resumed;
        try (Network net = Network.create(CONFIG.model(), 99)) { // other initial weights: the checkpoint's must win
            resumed = new Training(CONFIG.training(), (r, max) -> {
                heard.add(r.epoch());
                return Decision.CONTINUE;
            }).run(net, DATA.train(), null, DATA.valid(), two, null);
        }
        assertEquals(List.of(3, 4), heard);
        assertEquals(4, resumed.history().size());
        for (int e = 0; e < 2; e++) {
            assertEquals(saved.get(3).history().get(e).validLoss(), resumed.history().get(e).validLoss(), 0);
        }
        // epoch 3 starts from epoch 2's weights: it is far better than a first epoch from scratch
        assertTrue(resumed.history().get(2).trainLoss() < saved.get(0).history().get(0).trainLoss(),
                resumed.history().get(2).trainLoss() + " vs first epoch " + saved.get(0).history().get(0).trainLoss());
        assertTrue(resumed.bestValid().accuracy() >= saved.get(1).bestValid().accuracy() - 0.05);
    }

    @Test
    void aDamagedCheckpointIsRefused() throws IOException {
        byte[] good = trainAll(new ArrayList<>()).get(0).encode();
        assertThrows(IOException.class, () -> Checkpoint.decode(Arrays.copyOf(good, good.length - 1)));
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThrows(IOException.class, () -> Checkpoint.decode(flipped));
        assertThrows(IOException.class, () -> Checkpoint.decode("not a checkpoint at all, really".getBytes()));
    }
}
