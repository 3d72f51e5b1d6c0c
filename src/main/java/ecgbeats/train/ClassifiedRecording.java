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
        return comparison(windowSeconds, 0, new int[0]);
    }

    /**
     * The comparison over the part of the recording from sample {@code from} on, leaving out the
     * beats {@code leftOut} (rows of the recording's beats: beats a person labelled) and the
     * reference beats within the window of them; null when the recording has no reference.
     */
    public BeatComparison comparison(double windowSeconds, long from, int[] leftOut) {
        if (recording.reference() == null) {
            return null;
        }
        long window = Math.round(windowSeconds * recording.record().frequency());
        int[] positions = recording.beats().positions();
        boolean[] out = new boolean[positions.length];
        long[] outSamples = new long[leftOut.length];
        for (int k = 0; k < leftOut.length; k++) {
            out[leftOut[k]] = true;
            outSamples[k] = positions[leftOut[k]];
        }
        java.util.Arrays.sort(outSamples);
        java.util.List<Annotation> ref = recording.reference().stream()
                .filter(a -> a.sample() >= from && !near(outSamples, a.sample(), window)).toList();
        long[] refSamples = ref.stream().mapToLong(Annotation::sample).toArray();
        int[] refClasses = ref.stream().mapToInt(a -> {
            AamiClass c = AamiClass.ofSymbol(a.symbol());
            return c == null ? -1 : c.label();
        }).toArray();
        int[] judged = java.util.stream.IntStream.range(0, positions.length)
                .filter(i -> positions[i] >= from && !out[i]).toArray();
        long[] testSamples = java.util.Arrays.stream(judged).mapToLong(i -> positions[i]).toArray();
        int[] testClasses = java.util.Arrays.stream(judged).map(i -> classes[i]).toArray();
        return BeatComparison.of(refSamples, refClasses, testSamples, testClasses, window);
    }

    /** Whether a sample of ascending {@code samples} lies within {@code window} of {@code at}. */
    private static boolean near(long[] samples, long at, long window) {
        int i = java.util.Arrays.binarySearch(samples, at - window);
        int k = i >= 0 ? i : -i - 1;
        return k < samples.length && samples[k] <= at + window;
    }
}
