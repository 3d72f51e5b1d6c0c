package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.data.wfdb.Annotation;

/**
 * Every beat of a recording classified by a trained network, or by several as one.
 *
 * @param recording        the recording and its beats
 * @param classes          each beat's predicted class (an {@link AamiClass} label)
 * @param logProbabilities n × 5 log-probabilities, row-major
 */
public record ClassifiedRecording(Recording recording, int[] classes, float[] logProbabilities) {

    /** Classifies the beats of {@code recording} with networks voting as one ({@link Ensemble}). */
    public static ClassifiedRecording of(java.util.List<Network> members, Recording recording) {
        float[] logp = Ensemble.logProbabilities(members, recording.beats());
        return new ClassifiedRecording(recording, Training.argmax(logp), logp);
    }

    /** The probability of class {@code c} for beat {@code i}. */
    public double probability(int i, int c) {
        return Math.exp(logProbabilities[i * AamiClass.COUNT + c]);
    }

    /** Beats per predicted class, by label. */
    public int[] counts() {
        int[] counts = new int[AamiClass.COUNT];
        for (int c : classes) {
            counts[c]++;
        }
        return counts;
    }

    /**
     * The beat-by-beat comparison with the reference annotations (bxb's, AAMI EC57's), beats
     * paired within {@code windowSeconds}; null when the recording has no reference.
     */
    public BeatComparison comparison(double windowSeconds) {
        if (recording.reference() == null) {
            return null;
        }
        long[] refSamples = recording.reference().stream().mapToLong(Annotation::sample).toArray();
        int[] refClasses = recording.reference().stream().mapToInt(a -> {
            AamiClass c = AamiClass.ofSymbol(a.symbol());
            return c == null ? -1 : c.label();
        }).toArray();
        long[] testSamples = java.util.Arrays.stream(recording.beats().positions()).asLongStream().toArray();
        return BeatComparison.of(refSamples, refClasses, testSamples, classes,
                Math.round(windowSeconds * recording.record().frequency()));
    }
}
