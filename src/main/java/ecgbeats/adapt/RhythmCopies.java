package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;
import ecgbeats.util.Seeds;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Copies of a patient's labelled N beats with their rhythm changed: what the labelled minutes
 * rarely show of this patient. Each copy keeps the beat's samples and changes only its RR
 * features, so that the patient's own shape is seen in another timing.
 * <ul>
 *   <li><b>Premature</b> copies, labelled S: what a supraventricular ectopic beat is (the patient's
 *       own QRS, come early, often followed by a pause). Fine-tuning on N beats alone teaches a
 *       model that this patient's shape is N whatever its timing; the copies keep the timing's
 *       meaning. Only beats in a regular rhythm are copied: in atrial fibrillation an early beat of
 *       normal shape is N.</li>
 *   <li><b>Rate</b> copies, labelled N: the whole rhythm faster (every interval around the beat
 *       shorter by one factor), as in a tachycardia, atrial flutter or a block that comes and goes:
 *       a beat that is early only against the record's mean, not against its neighbours, is N.</li>
 * </ul>
 */
final class RhythmCopies {

    /** RR irregularity (feature 11) below which a beat's rhythm counts as regular. */
    static final float REGULAR = 0.1f;
    /** Premature copies come at this share of the beat's RR interval. */
    static final Share EARLY = new Share(0.55, 0.8);
    /** Rate copies' intervals are this share of the beat's. */
    static final Share FASTER = new Share(0.5, 0.95);

    /** A share of an interval, drawn uniformly between {@code low} and {@code high}. */
    record Share(double low, double high) {
        double draw(SplittableRandom random) {
            return low + (high - low) * random.nextDouble();
        }

        boolean holds(double share) {
            return share >= low - 1e-6 && share <= high + 1e-6;
        }
    }

    private RhythmCopies() {
    }

    /**
     * Up to {@code share} × (N beats of {@code labelled}) premature copies of its N beats in a
     * regular rhythm, labelled S, drawn with {@code seed}; an empty table when the beats carry
     * fewer than all RR features.
     */
    static BeatTable premature(BeatTable labelled, double share, long seed) {
        if (labelled.rrWidth() < RrFeatures.COUNT || share <= 0) {
            return empty(labelled);
        }
        int w = labelled.rrWidth();
        float[] rr = labelled.rr();
        int[] regular = java.util.stream.IntStream.range(0, labelled.size())
                .filter(i -> labelled.label(i) == AamiClass.N.label() && rr[i * w + RrFeatures.RR_IRREGULARITY] < REGULAR)
                .toArray();
        SplittableRandom random = Seeds.random(seed, "premature-copies");
        return copies(labelled, regular, share, AamiClass.S, random, f -> {
            double early = EARLY.draw(random);
            // the pause after it: from none to a full compensatory one (the next beat on time)
            double pause = 1 + (1 - early) * random.nextDouble();
            f[RrFeatures.PRE_RR] *= early;
            f[RrFeatures.PRE_RR_NORM] *= early;
            f[RrFeatures.PRE_RR_LOCAL] *= early;
            f[RrFeatures.POST_RR] *= pause;
            f[RrFeatures.POST_RR_NORM] *= pause;
            f[RrFeatures.POST_RR_LOCAL] *= pause;
        });
    }

    /**
     * Up to {@code share} × (N beats of {@code labelled}) rate copies of its N beats, labelled N,
     * drawn with {@code seed}: pre-RR, post-RR and the local RR (seconds and normalised) times one
     * factor, the 5-minute average part of the way there (it lags a change of rate); the beat
     * against its neighbours unchanged. Empty when the beats carry fewer than all RR features.
     */
    static BeatTable rate(BeatTable labelled, double share, long seed) {
        if (labelled.rrWidth() < RrFeatures.COUNT || share <= 0) {
            return empty(labelled);
        }
        int[] n = java.util.stream.IntStream.range(0, labelled.size())
                .filter(i -> labelled.label(i) == AamiClass.N.label()).toArray();
        SplittableRandom random = Seeds.random(seed, "rate-copies");
        return copies(labelled, n, share, AamiClass.N, random, f -> {
            double factor = FASTER.draw(random);
            double lag = 1 - (1 - factor) * random.nextDouble();
            for (int k : new int[] {RrFeatures.PRE_RR, RrFeatures.POST_RR, RrFeatures.LOCAL_RR,
                RrFeatures.PRE_RR_NORM, RrFeatures.POST_RR_NORM, RrFeatures.LOCAL_RR_NORM}) {
                f[k] *= factor;
            }
            f[RrFeatures.AVERAGE_RR] *= lag;
            f[RrFeatures.AVERAGE_RR_NORM] *= lag;
        });
    }

    /** Copies of {@code share} × (N beats) of the rows {@code from}, drawn at random, their RR features changed by {@code change}. */
    private static BeatTable copies(BeatTable labelled, int[] from, double share, AamiClass label,
                                    SplittableRandom random, Consumer<float[]> change) {
        BeatTable.Builder b = new BeatTable.Builder(labelled.beatLength(), labelled.rrWidth());
        int w = labelled.rrWidth();
        int n = (int) Math.min(from.length, Math.round(share * countN(labelled)));
        int[] order = Seeds.permutation(from.length, random);
        float[] f = new float[w];
        for (int k = 0; k < n; k++) {
            int i = from[order[k]];
            System.arraycopy(labelled.rr(), i * w, f, 0, w);
            change.accept(f);
            b.add(labelled.samples(), i * labelled.beatLength(), label.label(), labelled.records()[i],
                    labelled.positions()[i], f, 0);
        }
        return b.build();
    }

    /**
     * The share of {@code beats} in a regular rhythm (RR irregularity below {@link #REGULAR}): of its
     * N beats with {@code nOnly} (labelled beats), else of all of them (a recording's beats, no label
     * read); 0 when the beats carry fewer than all RR features or there are none.
     */
    static double regularShare(BeatTable beats, boolean nOnly) {
        if (beats.rrWidth() < RrFeatures.COUNT) {
            return 0;
        }
        int w = beats.rrWidth();
        int[] rows = java.util.stream.IntStream.range(0, beats.size())
                .filter(i -> !nOnly || beats.label(i) == AamiClass.N.label()).toArray();
        long regular = java.util.Arrays.stream(rows)
                .filter(i -> beats.rr()[i * w + RrFeatures.RR_IRREGULARITY] < REGULAR).count();
        return rows.length == 0 ? 0 : (double) regular / rows.length;
    }

    private static BeatTable empty(BeatTable labelled) {
        return new BeatTable.Builder(labelled.beatLength(), labelled.rrWidth()).build();
    }

    private static int countN(BeatTable t) {
        return t.classCounts()[AamiClass.N.label()];
    }
}
