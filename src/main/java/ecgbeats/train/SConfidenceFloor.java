package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;

/**
 * Supraventricular ectopic (S) calls the network gives less than {@code floor} of probability
 * become the likeliest of the other four classes. For a patient known to have few S beats: a
 * record's prior for S is far below what the network learnt from a training set with class
 * weights and premature copies, and an unsure S call is then more likely the beat's next class
 * (often V: an early ventricular beat).
 *
 * @param floor the probability an S call needs to stay S (above 0, at most 1)
 */
public record SConfidenceFloor(double floor) {

    /** The floor chosen on DS1's records (docs/results.md, "A twenty-first look"). */
    public static final double CHOSEN = 0.99;

    public SConfidenceFloor {
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("the floor must be a probability above 0, not " + floor);
        }
    }

    /** {@code classified} with its S calls below the floor made the likeliest other class; the probabilities unchanged. */
    public ClassifiedRecording apply(ClassifiedRecording classified) {
        int s = AamiClass.S.label();
        int[] classes = classified.classes().clone();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == s && classified.probability(i, s) < floor) {
                int best = -1;
                for (int c = 0; c < AamiClass.COUNT; c++) {
                    if (c != s && (best < 0 || classified.probability(i, c) > classified.probability(i, best))) {
                        best = c;
                    }
                }
                classes[i] = best;
            }
        }
        return new ClassifiedRecording(classified.recording(), classes, classified.logProbabilities());
    }
}
