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
        return comparison(windowSeconds, 0);
    }

    /**
     * The comparison over the part of the recording from sample {@code from} on: reference and
     * classified beats before it are left out (the labelled minutes of a patient-specific
     * evaluation); null when the recording has no reference.
     */
    public BeatComparison comparison(double windowSeconds, long from) {
        if (recording.reference() == null) {
            return null;
        }
        java.util.List<Annotation> ref = recording.reference().stream().filter(a -> a.sample() >= from).toList();
        long[] refSamples = ref.stream().mapToLong(Annotation::sample).toArray();
        int[] refClasses = ref.stream().mapToInt(a -> {
            AamiClass c = AamiClass.ofSymbol(a.symbol());
            return c == null ? -1 : c.label();
        }).toArray();
        int[] positions = recording.beats().positions();
        int first = 0;
        while (first < positions.length && positions[first] < from) {
            first++;
        }
        long[] testSamples = java.util.Arrays.stream(positions, first, positions.length).asLongStream().toArray();
        int[] testClasses = java.util.Arrays.copyOfRange(classes, first, classes.length);
        return BeatComparison.of(refSamples, refClasses, testSamples, testClasses,
                Math.round(windowSeconds * recording.record().frequency()));
    }
}
