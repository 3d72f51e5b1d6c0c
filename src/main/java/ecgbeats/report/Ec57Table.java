package ecgbeats.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.util.Json;

import java.util.List;
import java.util.Locale;

/**
 * Beat-by-beat comparisons of recordings as AAMI EC57 reports them: per record, gross (the
 * records' counts pooled) and average (the mean over the records where a figure is defined), QRS
 * detection and each class's Se and +P; as a text table (percent) or as JSON (fractions, with
 * each record's counts and confusion).
 */
public final class Ec57Table {

    private Ec57Table() {
    }

    /** {@code af_rule}: what classified the beats, the fibrillation rule's threshold, or null where the calls are the network's own. */
    public static void putAfRule(ObjectNode root, Double threshold) {
        if (threshold == null) {
            root.putNull("af_rule");
        } else {
            root.put("af_rule", threshold);
        }
    }

    /** The text table: one row per record of {@code names}, then gross and average; Se and +P in %. */
    public static String text(List<String> names, List<BeatComparison> parts, BeatComparison gross) {
        StringBuilder b = new StringBuilder("record   QRS Se    +P |");
        for (AamiClass c : AamiClass.values()) {
            b.append(String.format(Locale.ROOT, "   %s Se    +P |", c.name()));
        }
        b.append('\n');
        for (int i = 0; i < names.size(); i++) {
            b.append(row(names.get(i), parts.get(i)));
        }
        b.append(row("gross", gross));
        b.append(String.format(Locale.ROOT, "%-8s%s %s |", "average", pct(mean(parts, -1, true)),
                pct(mean(parts, -1, false))));
        for (AamiClass c : AamiClass.values()) {
            b.append(' ').append(pct(mean(parts, c.label(), true))).append(' ')
                    .append(pct(mean(parts, c.label(), false))).append(" |");
        }
        b.append('\n');
        return b.toString();
    }

    /** The same as JSON: {@code records} (each with its counts and confusion), {@code gross}, {@code average}. */
    public static ObjectNode json(List<String> names, List<BeatComparison> parts, BeatComparison gross) {
        ObjectMapper m = Json.MAPPER;
        ObjectNode root = m.createObjectNode();
        ArrayNode records = root.putArray("records");
        for (int i = 0; i < names.size(); i++) {
            records.add(node(m, parts.get(i)).put("record", names.get(i)));
        }
        root.set("gross", node(m, gross));
        ObjectNode avg = root.putObject("average");
        avg.put("qrs_se", mean(parts, -1, true)).put("qrs_ppv", mean(parts, -1, false));
        for (AamiClass c : AamiClass.values()) {
            avg.putObject(c.name()).put("se", mean(parts, c.label(), true)).put("ppv", mean(parts, c.label(), false));
        }
        return root;
    }

    /** Mean over the records where the figure is defined (NaN where none is); class −1 is QRS detection. */
    static double mean(List<BeatComparison> parts, int c, boolean sensitivity) {
        double sum = 0;
        int n = 0;
        for (BeatComparison p : parts) {
            double v = c < 0 ? (sensitivity ? p.qrsSensitivity() : p.qrsPositivePredictivity())
                    : (sensitivity ? p.sensitivity(c) : p.positivePredictivity(c));
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "     -" : String.format(Locale.ROOT, "%6.2f", 100 * v);
    }

    private static String row(String name, BeatComparison c) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s%s %s |", name, pct(c.qrsSensitivity()),
                pct(c.qrsPositivePredictivity())));
        for (AamiClass k : AamiClass.values()) {
            b.append(' ').append(pct(c.sensitivity(k.label()))).append(' ')
                    .append(pct(c.positivePredictivity(k.label()))).append(" |");
        }
        return b.append('\n').toString();
    }

    private static ObjectNode node(ObjectMapper m, BeatComparison c) {
        ObjectNode o = m.createObjectNode();
        o.put("qrs_se", c.qrsSensitivity()).put("qrs_ppv", c.qrsPositivePredictivity());
        for (AamiClass k : AamiClass.values()) {
            o.putObject(k.name()).put("se", c.sensitivity(k.label())).put("ppv", c.positivePredictivity(k.label()))
                    .put("reference", c.reference(k.label())).put("predicted", c.predicted(k.label()));
        }
        o.set("confusion", m.valueToTree(c.confusion()));
        o.set("missed", m.valueToTree(c.missed()));
        o.set("extra", m.valueToTree(c.extra()));
        return o;
    }
}
