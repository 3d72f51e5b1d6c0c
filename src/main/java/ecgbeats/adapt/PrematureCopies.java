package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;
import ecgbeats.util.Seeds;

import java.util.SplittableRandom;

/**
 * Copies of a patient's labelled N beats made premature and labelled S: what a supraventricular
 * ectopic beat is (the patient's own QRS, come early, often followed by a pause). Labelled
 * minutes rarely hold many of the patient's S beats, and fine-tuning on the N beats alone
 * teaches a model that this patient's shape is N whatever its timing; the copies keep the
 * timing's meaning for this patient's shape. Only beats in a regular rhythm are copied: in
 * atrial fibrillation an early beat of normal shape is N.
 */
final class PrematureCopies {

    /** RR irregularity (feature 11) below which a beat's rhythm counts as regular. */
    static final float REGULAR = 0.1f;
    /** The copies come at this share of the beat's RR interval, drawn uniformly. */
    static final double EARLIEST = 0.55;
    static final double LATEST = 0.8;

    private PrematureCopies() {
    }

    /**
     * Up to {@code share} × (N beats of {@code labelled}) premature copies of its N beats in a
     * regular rhythm, labelled S, drawn with {@code seed}; an empty table when the beats carry
     * fewer than all RR features, or fewer than {@code regularShare} of the N beats are regular.
     */
    static BeatTable of(BeatTable labelled, double share, double regularShare, long seed) {
        BeatTable.Builder b = new BeatTable.Builder(labelled.beatLength(), labelled.rrWidth());
        if (labelled.rrWidth() < RrFeatures.COUNT || share <= 0) {
            return b.build();
        }
        int w = labelled.rrWidth();
        float[] rr = labelled.rr();
        int[] regular = java.util.stream.IntStream.range(0, labelled.size())
                .filter(i -> labelled.label(i) == AamiClass.N.label() && rr[i * w + RrFeatures.RR_IRREGULARITY] < REGULAR).toArray();
        if (regular.length < regularShare * countN(labelled)) {
            return b.build();
        }
        int n = (int) Math.min(regular.length, Math.round(share * countN(labelled)));
        SplittableRandom random = Seeds.random(seed, "premature-copies");
        int[] order = Seeds.permutation(regular.length, random);
        float[] f = new float[w];
        for (int k = 0; k < n; k++) {
            int i = regular[order[k]];
            System.arraycopy(rr, i * w, f, 0, w);
            double early = EARLIEST + (LATEST - EARLIEST) * random.nextDouble();
            // the pause after it: from none to a full compensatory one (the next beat on time)
            double pause = 1 + (1 - early) * random.nextDouble();
            f[RrFeatures.PRE_RR] *= early;
            f[RrFeatures.PRE_RR_NORM] *= early;
            f[RrFeatures.PRE_RR_LOCAL] *= early;
            f[RrFeatures.POST_RR] *= pause;
            f[RrFeatures.POST_RR_NORM] *= pause;
            f[RrFeatures.POST_RR_LOCAL] *= pause;
            b.add(labelled.samples(), i * labelled.beatLength(), AamiClass.S.label(), labelled.records()[i],
                    labelled.positions()[i], f, 0);
        }
        return b.build();
    }

    private static int countN(BeatTable t) {
        return t.classCounts()[AamiClass.N.label()];
    }
}
