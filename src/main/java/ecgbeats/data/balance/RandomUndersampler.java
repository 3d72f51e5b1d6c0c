package ecgbeats.data.balance;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random undersampling without replacement: every class larger than the smallest class
 * present is cut down to that size (imbalanced-learn's RandomUnderSampler, strategy 'auto').
 * Kept beats stay in their original order.
 */
final class RandomUndersampler implements Balancer {

    @Override
    public BeatTable balance(BeatTable train, SplittableRandom random) {
        int[][] rows = ClassRows.of(train);
        int target = Integer.MAX_VALUE;
        for (int[] r : rows) {
            if (r.length > 0) {
                target = Math.min(target, r.length);
            }
        }
        if (target == Integer.MAX_VALUE) {
            return train;
        }
        boolean[] keep = new boolean[train.size()];
        int kept = 0;
        for (int c = 0; c < AamiClass.COUNT; c++) {
            int[] r = rows[c].clone();
            // partial Fisher-Yates: the first `target` entries become a uniform sample
            for (int i = 0; i < Math.min(target, r.length); i++) {
                int j = i + random.nextInt(r.length - i);
                int t = r[i];
                r[i] = r[j];
                r[j] = t;
                keep[r[i]] = true;
                kept++;
            }
        }
        int[] picked = new int[kept];
        int k = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                picked[k++] = i;
            }
        }
        return train.select(Arrays.copyOf(picked, k));
    }
}
