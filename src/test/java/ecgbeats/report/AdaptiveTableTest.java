package ecgbeats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.adapt.AdaptMethod;
import ecgbeats.adapt.AdaptProtocol;
import ecgbeats.adapt.AdaptSettings;
import ecgbeats.adapt.AdaptiveEvaluation.RecordResult;
import ecgbeats.adapt.EarlyRuleDecision;
import ecgbeats.adapt.PatientRules;
import ecgbeats.adapt.SFloorDecision;
import ecgbeats.data.qrs.BeatComparison;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveTableTest {

    private static BeatComparison comparison(int nCalledS, int sFound) {
        return new BeatComparison(new int[][] {
            {100 - nCalledS, nCalledS, 0, 0, 0}, {10 - sFound, sFound, 0, 0, 0}, {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}, new int[5], new int[5]);
    }

    private static RecordResult result(String name, PatientRules rules, int baseFalseS, int adaptedFalseS) {
        return new RecordResult(Path.of("mitdb", name), null, comparison(baseFalseS, 5), comparison(adaptedFalseS, 9),
                1.5, null, rules);
    }

    // record a: the early rule applies (no labelled S beat on time); b: left alone, and the S floor applies
    private final List<RecordResult> results = List.of(
            result("a", new PatientRules(new SFloorDecision(0.99, false, 2, true), new EarlyRuleDecision(0.9, true, 2, 0)), 20, 4),
            result("b", new PatientRules(new SFloorDecision(0.99, true, 0, true), new EarlyRuleDecision(0.9, false, 1, 1)), 10, 0));

    @Test
    void theJsonSaysWhatDecidedTheCallsThenTheAdaptedAndTheUnadaptedTablesInItsOrder() {
        AdaptProtocol protocol = AdaptProtocol.parse("ask:100");
        ObjectNode j = AdaptiveTable.json(protocol, AdaptSettings.defaults(), 7, 0.12, results);
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("protocol", "transductive", "method", "settings", "seed", "af_rule", "early_rule", "s_floor",
                "adapted", "base", "seconds_per_record"), keys);
        assertFalse(j.get("transductive").asBoolean());
        assertEquals(7, j.get("seed").asLong());
        assertEquals(0.12, j.get("af_rule").asDouble());
        assertEquals(List.of("b"), texts(j.get("early_rule").get("left_alone")));
        assertEquals(List.of("b"), texts(j.get("s_floor").get("applied_to")));
        assertEquals(18.0 / 20, j.get("adapted").get("gross").get("S").get("se").asDouble(), 1e-12);
        assertEquals(18.0 / 22, j.get("adapted").get("gross").get("S").get("ppv").asDouble(), 1e-12);
        assertEquals(10.0 / 40, j.get("base").get("gross").get("S").get("ppv").asDouble(), 1e-12);
        assertEquals("a", j.get("adapted").get("records").get(0).get("record").asText());
        assertEquals(2, j.get("seconds_per_record").size());
    }

    @Test
    void withoutLabelsTheRulesLabelsDecideAreNeitherRecordedNorReportedAndAnAbsentAfRuleIsNull() {
        AdaptProtocol protocol = AdaptProtocol.parse("unsupervised");
        AdaptSettings settings = AdaptSettings.defaults(AdaptMethod.SELF_TRAINING);
        ObjectNode j = AdaptiveTable.json(protocol, settings, 42, null,
                List.of(result("a", PatientRules.NONE, 20, 4)));
        assertTrue(j.get("transductive").asBoolean());
        assertTrue(j.get("af_rule").isNull());
        assertFalse(j.has("early_rule"));
        assertFalse(j.has("s_floor"));
        assertFalse(j.get("settings").has("s_floor"));
        assertTrue(j.get("settings").has("teacher"));
    }

    @Test
    void theTextHasTheAdaptedTablePerRecordThenTheUnadaptedGross() {
        String[] lines = AdaptiveTable.text(AdaptProtocol.parse("5m"), results).split("\n");
        assertTrue(lines[0].startsWith("adapted, "), lines[0]);
        assertTrue(lines[2].startsWith("a "), lines[2]);
        assertTrue(lines[6].startsWith("unadapted"), lines[6]);
        assertTrue(lines[8].startsWith("gross") && lines[8].split("\\|")[2].contains("50.00"), lines[8]);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
