package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.RhythmIrregularity;

import java.util.Arrays;

/**
 * Supraventricular ectopic (S) calls in an irregularly irregular rhythm become N. In atrial
 * fibrillation and in flutter with varying block there is no regular atrial rhythm for a beat to
 * come early against, and MIT-BIH (with AAMI's classes) labels their beats N; a network that
 * learnt "early and narrow means S" calls many of them S. The rhythm is read over 80 intervals
 * ({@link RhythmIrregularity}), long enough that a run of ectopic beats, bigeminy or trigeminy in
 * sinus rhythm does not look irregular.
 *
 * @param threshold the rhythm irregularity at or above which an S call becomes N
 */
public record FibrillationRule(double threshold) {

    /**
     * The threshold chosen on DS1's records (docs/results.md, "A seventh look"): the highest at
     * which every beat of DS1's atrial fibrillation and flutter counts as irregular. Text, so that
     * an option's annotation can name it.
     */
    public static final String CHOSEN = "0.12";

    /** The rule at the {@link #CHOSEN} threshold. */
    public static FibrillationRule chosen() {
        return new FibrillationRule(Double.parseDouble(CHOSEN));
    }

    public FibrillationRule {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the irregularity threshold must be positive and finite");
        }
    }

    /**
     * {@code classified} with its S calls in an irregular rhythm made N; the probabilities are
     * the network's, unchanged.
     */
    public ClassifiedRecording apply(ClassifiedRecording classified) {
        int[] classes = classes(classified.recording().beats().positions(), classified.classes());
        return new ClassifiedRecording(classified.recording(), classes, classified.logProbabilities());
    }

    /**
     * {@code classes} (AAMI labels of the beats at R peaks {@code positions}, ascending) with the
     * S calls in an irregular rhythm made N; a new array.
     */
    public int[] classes(int[] positions, int[] classes) {
        if (positions.length != classes.length) {
            throw new IllegalArgumentException(positions.length + " beats but " + classes.length + " classes");
        }
        double[] irregularity = RhythmIrregularity.of(Arrays.stream(positions).asLongStream().toArray());
        int[] out = classes.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == AamiClass.S.label() && irregularity[i] >= threshold) {
                out[i] = AamiClass.N.label();
            }
        }
        return out;
    }
}
