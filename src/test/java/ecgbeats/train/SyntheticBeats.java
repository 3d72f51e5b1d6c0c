package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.Protocol;
import ecgbeats.data.Provenance;
import ecgbeats.data.beat.BeatTable;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A small, learnable beat dataset: class c has a bump at sample 20 + 30c, plus noise. */
final class SyntheticBeats {

    private SyntheticBeats() {
    }

    static BeatTable table(int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BeatTable.Builder b = new BeatTable.Builder(187);
        float[] beat = new float[187];
        int id = 0;
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < 5; c++) {
                double centre = 20 + 30 * c + r.nextGaussian() * 2;
                for (int k = 0; k < 187; k++) {
                    double bump = 0.8 * Math.exp(-(k - centre) * (k - centre) / 50.0);
                    beat[k] = (float) Math.min(1, Math.max(0, 0.2 + bump + 0.05 * r.nextGaussian()));
                }
                b.add(beat, 0, c, 100, id++);
            }
        }
        return b.build();
    }

    static BeatDataset dataset(int trainPerClass, long seed) {
        Provenance p = new Provenance(Protocol.INTRA, seed, 0.2, 0.1, "synthetic", List.of(), List.of(), Map.of(),
                null, null, "test");
        return new BeatDataset(p, table(trainPerClass, seed), table(40, seed + 1), table(40, seed + 2));
    }
}
