package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.util.EnumIds;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Which beats of a recording to ask a person to label, when a person labels a handful of beats
 * rather than its first minutes: beats spread over the whole recording, so that rhythms that come
 * late (atrial fibrillation at minute 19, a block that comes and goes) are asked about too.
 * Deterministic: the same classification gives the same questions.
 */
public final class BeatQuestions {

    /** How the beats are chosen. */
    public enum Strategy {
        /** Evenly over the recording's beats in time. */
        SPREAD,
        /**
         * Half of them evenly over the beats the run calls S, V, F or Q (the calls a technician
         * confirms, where a patient-independent run is most often wrong), the rest evenly over the others.
         */
        CALLS,
        /**
         * Half of them evenly over the quarter of the beats the run is least sure of (the lowest
         * top probability), the rest evenly over the others.
         */
        UNSURE;

        public String id() {
            return EnumIds.id(this);
        }

        public static Strategy of(String id) {
            return EnumIds.find(Strategy.class, id).orElse(null);
        }
    }

    /** The strategy {@code ask:N} uses. */
    public static final Strategy DEFAULT = Strategy.UNSURE;

    private BeatQuestions() {
    }

    /**
     * The rows of {@code classified}'s beats to ask about: {@code count} of them (all, when the
     * recording has no more), ascending.
     */
    public static int[] choose(ClassifiedRecording classified, int count, Strategy strategy) {
        int n = classified.classes().length;
        if (count >= n) {
            return IntStream.range(0, n).toArray();
        }
        if (strategy == Strategy.SPREAD) {
            return evenly(IntStream.range(0, n).toArray(), count);
        }
        boolean[] first = strategy == Strategy.CALLS ? ectopicCalls(classified) : leastSure(classified);
        int[] calls = IntStream.range(0, n).filter(i -> first[i]).toArray();
        int[] others = IntStream.range(0, n).filter(i -> !first[i]).toArray();
        int fromCalls = Math.min(calls.length, count / 2);
        return IntStream.concat(Arrays.stream(evenly(calls, fromCalls)),
                Arrays.stream(evenly(others, Math.min(others.length, count - fromCalls)))).sorted().toArray();
    }

    /** The beats the run calls S, V, F or Q. */
    private static boolean[] ectopicCalls(ClassifiedRecording classified) {
        boolean[] out = new boolean[classified.classes().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classified.classes()[i] != AamiClass.N.label();
        }
        return out;
    }

    /** The quarter of the beats with the lowest top probability (ties to the earlier beat). */
    private static boolean[] leastSure(ClassifiedRecording classified) {
        int n = classified.classes().length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, java.util.Comparator.comparingDouble(
                i -> classified.probability(i, classified.classes()[i])));
        boolean[] out = new boolean[n];
        for (int k = 0; k < n / 4; k++) {
            out[order[k]] = true;
        }
        return out;
    }

    /** {@code k} of {@code rows}, evenly spaced: the middle one of each of k equal stretches. */
    static int[] evenly(int[] rows, int k) {
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = rows[(int) ((j + 0.5) * rows.length / k)];
        }
        return out;
    }
}
