package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordMetricsTest {

    // record 232: N N S S S (one S called N, one N called S); record 105: N V V (one V called N)
    private static final short[] RECORDS = {232, 105, 232, 232, 105, 232, 105, 232};
    private static final int[] TRUTH = {0, 0, 0, 1, 2, 1, 2, 1};
    private static final int[] PRED = {0, 0, 1, 1, 2, 0, 0, 1};

    @Test
    void eachRecordGetsItsOwnConfusionInRecordOrder() {
        List<RecordMetrics> rows = RecordMetrics.of(RECORDS, TRUTH, PRED);
        assertEquals(List.of(105, 232), rows.stream().map(RecordMetrics::record).toList());
        RecordMetrics r105 = rows.get(0);
        assertEquals(3, r105.n());
        assertEquals(2.0 / 3, r105.accuracy(), 1e-12);
        assertEquals(2, r105.support(AamiClass.V));
        assertEquals(1, r105.found(AamiClass.V));
        assertEquals(0, r105.falseAlarms(AamiClass.V));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0}, r105.confusion()[0]);
        RecordMetrics r232 = rows.get(1);
        assertEquals(5, r232.n());
        assertEquals(3.0 / 5, r232.accuracy(), 1e-12);
        assertEquals(3, r232.support(AamiClass.S));
        assertEquals(2, r232.found(AamiClass.S));
        assertEquals(1, r232.falseAlarms(AamiClass.S), "the N beat called S");
    }

    @Test
    void beatsWithoutRecordNumbersGiveNoTable() {
        short[] unknown = {232, 0, 232};
        assertTrue(RecordMetrics.of(unknown, new int[] {0, 0, 0}, new int[] {0, 0, 0}).isEmpty());
        short[] synthetic = {232, -1, 232};
        assertTrue(RecordMetrics.of(synthetic, new int[] {0, 0, 0}, new int[] {0, 0, 0}).isEmpty());
        Metrics m = Metrics.of("test", new int[] {0, 0, 0}, new int[] {0, 0, 0});
        assertNull(m.withPerRecord(List.of()).perRecord());
    }

    @Test
    void theTablePrintsEachRecord() {
        Metrics m = Metrics.of("test", TRUTH, PRED).withPerRecord(RecordMetrics.of(RECORDS, TRUTH, PRED)).withEc57();
        assertEquals(2, m.perRecord().size(), "withEc57 keeps the records");
        String table = m.table();
        assertTrue(table.contains("   232      5   0.6000         2/3         0/0        1        0"), table);
    }

    @Test
    void lengthsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> RecordMetrics.of(new short[2], new int[3], new int[3]));
    }
}
