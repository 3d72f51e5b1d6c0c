package ecgbeats.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.data.qrs.BeatComparison;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ec57TableTest {

    /** N S V F Q; rows reference, columns test. */
    private static BeatComparison comparison(int[][] confusion) {
        return new BeatComparison(confusion, new int[5], new int[5]);
    }

    // record a: 8 S found of 10, 2 N called S; record b: no S beat and no S call (its S figures undefined)
    private final BeatComparison a = comparison(new int[][] {
        {90, 2, 0, 0, 0}, {2, 8, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}});
    private final BeatComparison b = comparison(new int[][] {
        {50, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 5, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}});

    @Test
    void grossPoolsTheCountsAndAverageSkipsRecordsWhereAFigureIsUndefined() {
        List<BeatComparison> parts = List.of(a, b);
        ObjectNode j = Ec57Table.json(List.of("a", "b"), parts, BeatComparison.sum(parts));
        assertEquals(0.8, j.get("gross").get("S").get("se").asDouble(), 1e-12);
        assertEquals(0.8, j.get("gross").get("S").get("ppv").asDouble(), 1e-12);
        assertEquals(0.8, j.get("average").get("S").get("se").asDouble(), 1e-12); // b has no S beat: not averaged
        assertEquals((90.0 / 92 + 1.0) / 2, j.get("average").get("N").get("se").asDouble(), 1e-12);
        assertEquals(2, j.get("records").get(0).get("S").get("reference").asInt() - 8);
        assertEquals("b", j.get("records").get(1).get("record").asText());
        assertTrue(Double.isNaN(Ec57Table.mean(List.of(b), 1, true)));
    }

    @Test
    void theTextTableHasARowPerRecordThenGrossAndAverageWithUndefinedFiguresAsADash() {
        List<BeatComparison> parts = List.of(a, b);
        String[] lines = Ec57Table.text(List.of("a", "b"), parts, BeatComparison.sum(parts)).split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[1].startsWith("a "), lines[1]);
        assertTrue(lines[3].startsWith("gross"), lines[3]);
        assertTrue(lines[4].startsWith("average"), lines[4]);
        String sColumnOfB = lines[2].split("\\|")[2];
        assertEquals("-", sColumnOfB.trim().split("\\s+")[0], lines[2]);
        assertTrue(lines[3].split("\\|")[2].contains("80.00"), lines[3]);
    }
}
