package ecgbeats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.adapt.AdaptProtocol;
import ecgbeats.adapt.AdaptSettings;
import ecgbeats.adapt.AdaptiveEvaluation.RecordResult;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.util.Json;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What {@code evaluate --adapt} reports over many records: the adapted runs' EC57 tables beside the
 * unadapted run's on the same beats ({@link Ec57Table}), with what decided them: the protocol, its
 * settings and seed, the fibrillation rule, and which records the patient rules (the early rule, the
 * S floor) left alone or applied to. The JSON is the one format {@code bench/adapt_pool.py} and
 * docs/runs read; its keys keep their order.
 */
public final class AdaptiveTable {

    private AdaptiveTable() {
    }

    /**
     * The JSON of one evaluation: {@code protocol}, {@code transductive}, {@code method}, {@code settings}
     * (the method's, when the protocol takes settings), {@code seed}, {@code af_rule} (its threshold, null
     * when off), {@code early_rule} and {@code s_floor} (when on), {@code adapted}, {@code base} and
     * {@code seconds_per_record}.
     */
    public static ObjectNode json(AdaptProtocol protocol, AdaptSettings settings, long seed, Double afRule,
                                  List<RecordResult> results) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("protocol", protocol.description());
        root.put("transductive", protocol.method().transductive());
        root.put("method", protocol.method().id());
        if (protocol.hasSettings()) {
            root.set("settings", Json.MAPPER.valueToTree(settings.recordedFor(protocol.method())));
        }
        root.put("seed", seed);
        Ec57Table.putAfRule(root, afRule);
        if (settings.timingRule() != null) {
            ObjectNode early = root.putObject("early_rule");
            early.put("share", settings.earlyRule());
            early.set("left_alone", records(results, r -> r.rules().early() != null && !r.rules().early().applies()));
        }
        if (settings.sFloorRule() != null) {
            ObjectNode floor = root.putObject("s_floor");
            floor.put("floor", settings.sFloor());
            floor.set("applied_to", records(results, r -> r.rules().floor() != null && r.rules().floor().applies()));
        }
        List<String> names = names(results);
        List<BeatComparison> adapted = comparisons(results, RecordResult::adapted);
        List<BeatComparison> base = comparisons(results, RecordResult::base);
        root.set("adapted", Ec57Table.json(names, adapted, BeatComparison.sum(adapted)));
        root.set("base", Ec57Table.json(names, base, BeatComparison.sum(base)));
        root.set("seconds_per_record", Json.MAPPER.valueToTree(results.stream().mapToDouble(RecordResult::seconds).toArray()));
        return root;
    }

    /** The text: the adapted runs' table per record, then the unadapted run's gross and average on the same beats. */
    public static String text(AdaptProtocol protocol, List<RecordResult> results) {
        List<BeatComparison> adapted = comparisons(results, RecordResult::adapted);
        return "adapted, " + protocol.description() + ":\n"
                + Ec57Table.text(names(results), adapted, BeatComparison.sum(adapted))
                + "unadapted, on the same beats:\n"
                + Ec57Table.text(List.of(), List.of(), BeatComparison.sum(comparisons(results, RecordResult::base)));
    }

    private static List<BeatComparison> comparisons(List<RecordResult> results,
                                                    Function<RecordResult, BeatComparison> side) {
        return results.stream().map(side).toList();
    }

    private static List<String> names(List<RecordResult> results) {
        return results.stream().map(r -> r.record().getFileName().toString()).toList();
    }

    /** The names of the records {@code which} holds for, as a JSON array. */
    private static JsonNode records(List<RecordResult> results, Predicate<RecordResult> which) {
        return Json.MAPPER.valueToTree(names(results.stream().filter(which).toList()));
    }
}
