package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.RrFeatures;

/**
 * Supraventricular ectopic (S) calls that did not come early become N. AAMI's S class is the
 * premature supraventricular beat: early against the rhythm it interrupts, or one of a run fast
 * enough to be a tachycardia. A beat whose pre-RR is at least {@code share} of the median of the
 * intervals around it ({@link RrFeatures}' pre-RR local), in a rhythm slower than 100 a minute
 * (that median at least {@value #TACHYCARDIA_SECONDS} s), is neither. A network that compares a
 * beat's timing with the record's mean or its 5-minute average calls S the beats of a rate that
 * changed: a 2:1 block turning 1:1, sinus rhythm speeding up; this rule hands them back.
 *
 * @param share the pre-RR, as a share of the local median interval, from which an S call in a
 *              rhythm slower than 100 a minute becomes N
 */
public record EarlyRule(double share) {

    /**
     * The share chosen on DS1's records (docs/results.md, "A twelfth look"). Text, so that an
     * option's annotation can name it.
     */
    public static final String CHOSEN = "0.9";
    /** The median interval of a rhythm at 100 beats a minute, where tachycardia begins. */
    public static final double TACHYCARDIA_SECONDS = 0.6;

    /** The rule at the {@link #CHOSEN} share. */
    public static EarlyRule chosen() {
        return new EarlyRule(Double.parseDouble(CHOSEN));
    }

    public EarlyRule {
        if (!(share > 0) || Double.isInfinite(share)) {
            throw new IllegalArgumentException("the share of the local interval must be positive and finite");
        }
    }

    /**
     * {@code classified} with its S calls that did not come early made N; the probabilities are
     * the network's, unchanged.
     */
    public ClassifiedRecording apply(ClassifiedRecording classified) {
        int[] classes = classes(classified.recording().beats().positions(), classified.recording().record().frequency(),
                classified.classes());
        return new ClassifiedRecording(classified.recording(), classes, classified.logProbabilities());
    }

    /**
     * {@code classes} (AAMI labels of the beats at R peaks {@code positions}, ascending, sampled at
     * {@code frequency} Hz) with the S calls that did not come early made N; a new array.
     */
    public int[] classes(int[] positions, double frequency, int[] classes) {
        if (positions.length != classes.length) {
            throw new IllegalArgumentException(positions.length + " beats but " + classes.length + " classes");
        }
        int[] out = classes.clone();
        if (positions.length < 2) {
            return out;
        }
        float[] rr = RrFeatures.of(java.util.Arrays.stream(positions).asLongStream().toArray(), frequency);
        for (int i = 0; i < out.length; i++) {
            double preLocal = rr[i * RrFeatures.COUNT + RrFeatures.PRE_RR_LOCAL];
            double localMedian = rr[i * RrFeatures.COUNT + RrFeatures.PRE_RR] / preLocal;
            if (out[i] == AamiClass.S.label() && preLocal >= share && localMedian >= TACHYCARDIA_SECONDS) {
                out[i] = AamiClass.N.label();
            }
        }
        return out;
    }
}
