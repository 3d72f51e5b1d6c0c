package ecgbeats.data;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

import java.util.SplittableRandom;

/**
 * Stratified random holdout: from each class, round(fraction · count) beats chosen uniformly
 * without replacement go to the held-out part. Both parts keep the original beat order.
 */
public final class StratifiedSplitter {

    /** The two parts of a table. */
    public record Parts(BeatTable kept, BeatTable heldOut) {
    }

    private StratifiedSplitter() {
    }

    public static Parts split(BeatTable table, double fraction, SplittableRandom random) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
        }
        int[] counts = table.classCounts();
        boolean[] held = new boolean[table.size()];
        int[][] rows = new int[AamiClass.COUNT][];
        int[] fill = new int[AamiClass.COUNT];
        for (int c = 0; c < AamiClass.COUNT; c++) {
            rows[c] = new int[counts[c]];
        }
        for (int i = 0; i < table.size(); i++) {
            rows[table.label(i)][fill[table.label(i)]++] = i;
        }
        int heldCount = 0;
        for (int c = 0; c < AamiClass.COUNT; c++) {
            int[] r = rows[c];
            int take = (int) Math.round(fraction * r.length);
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(r.length - i);
                int t = r[i];
                r[i] = r[j];
                r[j] = t;
                held[r[i]] = true;
            }
            heldCount += take;
        }
        int[] keptRows = new int[table.size() - heldCount];
        int[] heldRows = new int[heldCount];
        for (int i = 0, a = 0, b = 0; i < held.length; i++) {
            if (held[i]) {
                heldRows[b++] = i;
            } else {
                keptRows[a++] = i;
            }
        }
        return new Parts(table.select(keptRows), table.select(heldRows));
    }
}
