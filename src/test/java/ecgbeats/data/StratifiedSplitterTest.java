package ecgbeats.data;

import ecgbeats.data.beat.BeatTable;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StratifiedSplitterTest {

    static BeatTable table(int... perClass) {
        BeatTable.Builder b = new BeatTable.Builder(3);
        int id = 0;
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                b.add(new float[] {c, id, -id}, 0, c, 100, id++);
            }
        }
        return b.build();
    }

    @Test
    void eachClassIsSplitInProportion() {
        BeatTable t = table(1000, 30, 7, 1, 0);
        StratifiedSplitter.Parts p = StratifiedSplitter.split(t, 0.2, new SplittableRandom(5));
        assertArrayEquals(new int[] {200, 6, 1, 0, 0}, p.heldOut().classCounts()); // round(1.4) = 1, round(0.2) = 0
        assertArrayEquals(new int[] {800, 24, 6, 1, 0}, p.kept().classCounts());
        // rows stay whole: sample 1 of each beat is its id, which is its position
        for (BeatTable part : new BeatTable[] {p.kept(), p.heldOut()}) {
            for (int i = 0; i < part.size(); i++) {
                assertEquals(part.positions()[i], (int) part.samples()[i * 3 + 1]);
            }
        }
    }

    @Test
    void sameSeedSameSplit() {
        BeatTable t = table(500, 50, 50, 50, 50);
        int[] a = StratifiedSplitter.split(t, 0.3, new SplittableRandom(9)).heldOut().positions();
        int[] b = StratifiedSplitter.split(t, 0.3, new SplittableRandom(9)).heldOut().positions();
        int[] c = StratifiedSplitter.split(t, 0.3, new SplittableRandom(10)).heldOut().positions();
        assertArrayEquals(a, b);
        assertEquals(a.length, c.length);
        assertEquals(false, java.util.Arrays.equals(a, c));
    }
}
