package ecgbeats.data.qrs;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs reference beats with detected ones as WFDB's bxb does: in time order, each reference
 * beat takes the nearest unpaired detection within the match window, one to one.
 */
public final class BeatMatcher {

    /** A reference beat and the detection paired with it (indices into the two arrays). */
    public record Pair(int reference, int detection) {
    }

    /** All pairs, and what is left unpaired on either side. */
    public record Result(List<Pair> pairs, List<Integer> missed, List<Integer> extra) {
        public int truePositives() {
            return pairs.size();
        }

        public double sensitivity() {
            int n = pairs.size() + missed.size();
            return n == 0 ? 1 : (double) pairs.size() / n;
        }

        public double positivePredictivity() {
            int n = pairs.size() + extra.size();
            return n == 0 ? 1 : (double) pairs.size() / n;
        }
    }

    private BeatMatcher() {
    }

    /** Both arrays ascending sample indices; {@code window} the largest distance of a match, in samples. */
    public static Result match(long[] reference, long[] detected, long window) {
        List<Pair> pairs = new ArrayList<>();
        List<Integer> missed = new ArrayList<>();
        boolean[] used = new boolean[detected.length];
        int j = 0;
        for (int i = 0; i < reference.length; i++) {
            long r = reference[i];
            while (j < detected.length && detected[j] < r - window) {
                j++;
            }
            int best = -1;
            for (int k = j; k < detected.length && detected[k] <= r + window; k++) {
                if (!used[k] && (best < 0 || Math.abs(detected[k] - r) < Math.abs(detected[best] - r))) {
                    best = k;
                }
            }
            // a detection nearer to the next reference beat is left to it
            if (best >= 0 && i + 1 < reference.length
                    && Math.abs(detected[best] - reference[i + 1]) < Math.abs(detected[best] - r)) {
                int alternative = -1;
                for (int k = j; k < detected.length && detected[k] <= r + window; k++) {
                    if (!used[k] && k != best && (alternative < 0
                            || Math.abs(detected[k] - r) < Math.abs(detected[alternative] - r))) {
                        alternative = k;
                    }
                }
                best = alternative;
            }
            if (best >= 0) {
                used[best] = true;
                pairs.add(new Pair(i, best));
            } else {
                missed.add(i);
            }
        }
        List<Integer> extra = new ArrayList<>();
        for (int k = 0; k < detected.length; k++) {
            if (!used[k]) {
                extra.add(k);
            }
        }
        return new Result(pairs, missed, extra);
    }
}
