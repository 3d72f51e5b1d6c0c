package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.RrFeatures;

/**
 * Supraventricular ectopic (S) calls that did not come early become N. AAMI's S class is the
 * premature supraventricular beat: early against the rhythm it interrupts, or one of a run fast
 * enough to be a tachycardia. A beat whose pre-RR is at least {@code share} of the median of the
 * intervals around it ({@link RrFeatures}' pre-RR local), in a rhythm slower than 100 a minute
 * (that median at least {@value #TACHYCARDIA_SECONDS} s), is neither: it is on time. A network
 * that compares a beat's timing with the record's mean or its 5-minute average calls S the beats
 * of a rate that changed (a 2:1 block turning 1:1); this rule hands them back.
 *
 * <p>Not for every patient: where ectopic beats are the rhythm itself (MIT-BIH 232's atrial
 * beats, 124's junctional ones) their S beats are on time too. {@link #labelledSOnTime} asks the
 * patient's labelled beats (docs/results.md, "An eighteenth look").
 *
 * @param share the pre-RR, as a share of the local median interval, from which a beat in a rhythm
 *              slower than 100 a minute is on time
 */
public record EarlyRule(double share) {

    /** The share chosen on DS1's records (docs/results.md, "A twelfth look"). */
    public static final double CHOSEN = 0.9;
    /** The median interval of a rhythm at 100 beats a minute, where tachycardia begins. */
    public static final double TACHYCARDIA_SECONDS = 0.6;

    public EarlyRule {
        if (!(share > 0) || Double.isInfinite(share)) {
            throw new IllegalArgumentException("the share of the local interval must be positive and finite");
        }
    }

    /**
     * Which of the beats at R peaks {@code positions} (ascending, sampled at {@code frequency} Hz)
     * came on time: neither early against the intervals around them nor in a tachycardia.
     */
    public boolean[] onTime(int[] positions, double frequency) {
        boolean[] out = new boolean[positions.length];
        if (positions.length < 2) {
            return out;
        }
        float[] rr = RrFeatures.of(java.util.Arrays.stream(positions).asLongStream().toArray(), frequency);
        for (int i = 0; i < out.length; i++) {
            double preLocal = rr[i * RrFeatures.COUNT + RrFeatures.PRE_RR_LOCAL];
            double localMedian = rr[i * RrFeatures.COUNT + RrFeatures.PRE_RR] / preLocal;
            out[i] = preLocal >= share && localMedian >= TACHYCARDIA_SECONDS;
        }
        return out;
    }

    /**
     * {@code classes} (AAMI labels of the beats at R peaks {@code positions}) with the S calls on
     * time made N; a new array.
     */
    public int[] classes(int[] positions, double frequency, int[] classes) {
        if (positions.length != classes.length) {
            throw new IllegalArgumentException(positions.length + " beats but " + classes.length + " classes");
        }
        boolean[] onTime = onTime(positions, frequency);
        int[] out = classes.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == AamiClass.S.label() && onTime[i]) {
                out[i] = AamiClass.N.label();
            }
        }
        return out;
    }

    /** {@code classified} with its S calls on time made N; the probabilities are the network's, unchanged. */
    public ClassifiedRecording apply(ClassifiedRecording classified) {
        int[] classes = classes(classified.recording().beats().positions(), classified.recording().record().frequency(),
                classified.classes());
        return new ClassifiedRecording(classified.recording(), classes, classified.logProbabilities());
    }

    /**
     * The patient's labelled S beats that came on time: beats {@code rows} (of the beats at R peaks
     * {@code positions}) labelled {@code labels}. None: the patient's S beats come early, and the
     * rule holds for this patient.
     */
    public int labelledSOnTime(int[] positions, double frequency, int[] rows, byte[] labels) {
        boolean[] onTime = onTime(positions, frequency);
        int n = 0;
        for (int k = 0; k < rows.length; k++) {
            if (labels[k] == AamiClass.S.label() && onTime[rows[k]]) {
                n++;
            }
        }
        return n;
    }
}
