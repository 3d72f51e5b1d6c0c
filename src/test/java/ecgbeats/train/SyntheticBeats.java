package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.Protocol;
import ecgbeats.data.Provenance;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;

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

    /**
     * {@link #table}'s beats, except that S beats have the shape of N beats and differ only in
     * their rhythm, as premature beats do: an S beat comes early (pre-RR 0.55 s instead of
     * 0.85 s, ± 0.05) and is followed by a pause (post-RR 1.1 s instead of 0.85 s).
     */
    static BeatTable rhythmOnly(int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BeatTable shapes = table(perClass, seed);
        BeatTable.Builder b = new BeatTable.Builder(187, true);
        float[] rr = new float[RrFeatures.COUNT];
        for (int i = 0; i < shapes.size(); i++) {
            int c = shapes.label(i);
            int shapeOf = c == 1 ? i - 1 : i; // the N beat made just before it
            double pre = (c == 1 ? 0.55 : 0.85) + 0.05 * r.nextGaussian();
            double post = (c == 1 ? 1.1 : 0.85) + 0.05 * r.nextGaussian();
            double local = 0.85 + 0.03 * r.nextGaussian();
            double[] four = {pre, post, local, local};
            for (int k = 0; k < 4; k++) {
                rr[k] = (float) four[k];
                rr[4 + k] = (float) (four[k] / 0.85);
            }
            b.add(shapes.samples(), shapeOf * 187, c, 100, i, rr, 0);
        }
        return b.build();
    }

    /**
     * Beats whose class shows only against their patient's other beats: each record's beats are
     * a bump of the record's own height (0.3 to 1.1), and its V beats are 0.2 taller than its N
     * beats. Across patients the heights of N and V overlap, as a tall patient's normal beats
     * overlap a small patient's ectopic ones. Records from {@code firstRecord}, each with
     * {@code normal} N and {@code ectopic} V beats.
     */
    static BeatTable patientRelative(int records, int firstRecord, int normal, int ectopic, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BeatTable.Builder b = new BeatTable.Builder(187);
        float[] beat = new float[187];
        int v = ecgbeats.data.beat.AamiClass.V.label();
        for (int rec = firstRecord; rec < firstRecord + records; rec++) {
            double height = 0.3 + 0.8 * r.nextDouble();
            for (int i = 0; i < normal + ectopic; i++) {
                double h = i < normal ? height : height + 0.2;
                for (int k = 0; k < 187; k++) {
                    beat[k] = (float) (0.1 + h * Math.exp(-(k - 90) * (k - 90) / 200.0) + 0.02 * r.nextGaussian());
                }
                b.add(beat, 0, i < normal ? 0 : v, rec, i);
            }
        }
        return b.build();
    }

    /** {@link #patientRelative} patients: 24 to train on, 6 to validate and 8 to test on, each seen in one split only. */
    static BeatDataset patientRelativeDataset(long seed) {
        Provenance p = new Provenance(Protocol.INTER, seed, 0, 0, "synthetic", List.of(), List.of(), Map.of(),
                null, null, "test");
        return new BeatDataset(p, patientRelative(24, 100, 30, 6, seed), patientRelative(6, 200, 30, 6, seed + 1),
                patientRelative(8, 300, 30, 6, seed + 2));
    }

    /**
     * The small cnn2d these datasets are learnt with (hidden 8, batch 16, 4 epochs, lr 3e-3), with
     * {@code settings} (name, value, name, value ...) set on top.
     */
    static RunConfig smallCnn2d(String... settings) {
        Map<String, String> m = new java.util.LinkedHashMap<>(Map.of("hidden", "8", "batch", "16", "epochs", "4",
                "lr", "3e-3"));
        for (int i = 0; i < settings.length; i += 2) {
            m.put(settings[i], settings[i + 1]);
        }
        return RunConfig.defaults(ecgbeats.model.Architecture.CNN2D).with(m);
    }

    static BeatDataset rhythmDataset(int trainPerClass, long seed) {
        Provenance p = new Provenance(Protocol.INTER, seed, 0, 0.1, "synthetic", List.of(), List.of(), Map.of(),
                null, null, "test");
        return new BeatDataset(p, rhythmOnly(trainPerClass, seed), rhythmOnly(40, seed + 1), rhythmOnly(40, seed + 2));
    }

    static BeatDataset dataset(int trainPerClass, long seed) {
        Provenance p = new Provenance(Protocol.INTRA, seed, 0.2, 0.1, "synthetic", List.of(), List.of(), Map.of(),
                null, null, "test");
        return new BeatDataset(p, table(trainPerClass, seed), table(40, seed + 1), table(40, seed + 2));
    }
}
