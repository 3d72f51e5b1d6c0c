package ecgbeats.data.balance;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

import java.util.SplittableRandom;

/**
 * Random oversampling with replacement: every class present is topped up to the majority
 * count with copies of its own beats drawn uniformly (imbalanced-learn's RandomOverSampler,
 * strategy 'auto'). Original beats come first, copies after.
 */
final class RandomOversampler implements Balancer {

    @Override
    public BeatTable balance(BeatTable train, SplittableRandom random) {
        int[][] rows = ClassRows.of(train);
        int target = ClassRows.max(train.classCounts());
        int total = train.size();
        for (int[] r : rows) {
            if (r.length > 0) {
                total += target - r.length;
            }
        }
        int[] picked = new int[total];
        int k = 0;
        for (int i = 0; i < train.size(); i++) {
            picked[k++] = i;
        }
        for (int c = 0; c < AamiClass.COUNT; c++) {
            int[] r = rows[c];
            for (int j = r.length; j < target && r.length > 0; j++) {
                picked[k++] = r[random.nextInt(r.length)];
            }
        }
        return train.select(picked);
    }
}
