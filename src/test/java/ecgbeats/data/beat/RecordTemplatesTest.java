package ecgbeats.data.beat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each record's median beat, sample by sample, from hand-made beats. */
class RecordTemplatesTest {

    private static BeatTable table(int[] records, float[][] beats) {
        BeatTable.Builder b = new BeatTable.Builder(beats[0].length);
        for (int i = 0; i < beats.length; i++) {
            b.add(beats[i], 0, 0, records[i], i);
        }
        return b.build();
    }

    @Test
    void theMedianIsTakenPerSampleAndPerRecord() {
        // record 100: three beats (odd count: the middle value); record 101: two (the mean of both)
        BeatTable t = table(new int[] {100, 101, 100, 100, 101}, new float[][] {
            {1, 2, 3, 4}, {0, 0, 0, 0}, {3, 0, 3, 8}, {2, 9, 1, 0}, {2, 4, 6, 8}});
        RecordTemplates m = RecordTemplates.median(t);
        assertEquals(2, m.size());
        assertEquals(4, m.beatLength());
        assertArrayEquals(new float[] {2, 2, 3, 4}, m.of((short) 100));
        assertArrayEquals(new float[] {1, 2, 3, 4}, m.of((short) 101));
    }

    @Test
    void anOutlyingBeatDoesNotMoveTheMedian() {
        // what makes it a patient's usual beat: a few ectopic beats leave it where the normal ones are
        BeatTable t = table(new int[] {7, 7, 7, 7, 7}, new float[][] {
            {1, 1}, {1.1f, 0.9f}, {0.9f, 1.2f}, {50, -50}, {1, 1}});
        assertArrayEquals(new float[] {1, 1}, RecordTemplates.median(t).of((short) 7));
    }

    @Test
    void theOrderOfTheBeatsDoesNotMatter() {
        float[][] beats = {{5, 1}, {2, 7}, {9, 3}, {4, 4}};
        float[][] reversed = {{4, 4}, {9, 3}, {2, 7}, {5, 1}};
        assertArrayEquals(RecordTemplates.median(table(new int[] {3, 3, 3, 3}, beats)).of((short) 3),
                RecordTemplates.median(table(new int[] {3, 3, 3, 3}, reversed)).of((short) 3));
        assertArrayEquals(new float[] {4.5f, 3.5f},
                RecordTemplates.median(table(new int[] {3, 3, 3, 3}, beats)).of((short) 3));
    }

    @Test
    void syntheticBeatsAndMissingRecordsAreRefused() {
        BeatTable synthetic = table(new int[] {100, BeatTable.SYNTHETIC}, new float[][] {{1}, {2}});
        assertThrows(IllegalArgumentException.class, () -> RecordTemplates.median(synthetic));
        RecordTemplates m = RecordTemplates.median(table(new int[] {100}, new float[][] {{1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.of((short) 101));
        assertEquals("no beat of record 101", e.getMessage());
    }

    @Test
    void onlyTablesWhoseBeatsAllNameARecordNameRecords() {
        assertTrue(RecordTemplates.namesRecords(table(new int[] {100, 232}, new float[][] {{1}, {2}})));
        assertFalse(RecordTemplates.namesRecords(table(new int[] {100, BeatTable.UNKNOWN_RECORD},
                new float[][] {{1}, {2}})), "a Kaggle CSV's beats name no record");
        assertFalse(RecordTemplates.namesRecords(table(new int[] {BeatTable.SYNTHETIC, 100},
                new float[][] {{1}, {2}})), "a SMOTE beat belongs to no record");
    }
}
