package ecgbeats.data.balance;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

/** Row indices of a table grouped by class. */
final class ClassRows {

    private ClassRows() {
    }

    static int[][] of(BeatTable t) {
        int[] counts = t.classCounts();
        int[][] rows = new int[AamiClass.COUNT][];
        for (int c = 0; c < AamiClass.COUNT; c++) {
            rows[c] = new int[counts[c]];
        }
        int[] fill = new int[AamiClass.COUNT];
        for (int i = 0; i < t.size(); i++) {
            int c = t.label(i);
            rows[c][fill[c]++] = i;
        }
        return rows;
    }

    static int max(int[] counts) {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
