package ecgbeats.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecgbeats.data.beat.AamiClass;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classification metrics over a whole split (docs/reference.md §3, §6), never averaged per batch. Macro
 * averages run over the classes present in the split (support above zero), as scikit-learn
 * does for the labels it sees; a class never predicted has precision 0.
 *
 * @param split     which split the metrics describe
 * @param n         beats
 * @param confusion rows = true class, columns = predicted, order N, S, V, F, Q
 * @param perRecord each record's share, in record order; null unless asked for
 *                  ({@link #withPerRecord}: a test evaluation, not every epoch's validation)
 */
@JsonPropertyOrder({"split", "n", "accuracy", "recall_macro", "precision_macro", "f1_macro", "ec57", "per_class",
    "confusion", "per_record"})
public record Metrics(String split, int n, double accuracy,
                      @JsonProperty("recall_macro") double recallMacro,
                      @JsonProperty("precision_macro") double precisionMacro,
                      @JsonProperty("f1_macro") double f1Macro,
                      @JsonProperty("per_class") Map<String, ClassMetrics> perClass,
                      int[][] confusion,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Ec57 ec57,
                      @JsonProperty("per_record") @JsonInclude(JsonInclude.Include.NON_NULL)
                      java.util.List<RecordMetrics> perRecord) {

    /**
     * The AAMI EC57 view (inter-patient protocol): sensitivity (Se, a class's recall) and positive
     * predictivity (+P, its precision) averaged over N, S, V and F, the classes present; Q is in
     * {@code per_class} but not in these averages (MIT-BIH holds 15 Q beats in all).
     */
    @JsonPropertyOrder({"classes", "se_macro", "ppv_macro", "f1_macro"})
    public record Ec57(String classes, @JsonProperty("se_macro") double seMacro,
                       @JsonProperty("ppv_macro") double ppvMacro, @JsonProperty("f1_macro") double f1Macro) {
    }

    /** The four classes of the EC57 averages. */
    static final java.util.List<String> NSVF = java.util.List.of("N", "S", "V", "F");

    /** This with the {@link Ec57} view added. */
    public Metrics withEc57() {
        double se = 0;
        double ppv = 0;
        double f1 = 0;
        int present = 0;
        for (String c : NSVF) {
            ClassMetrics m = perClass.get(c);
            if (m.support() > 0) {
                se += m.recall();
                ppv += m.precision();
                f1 += m.f1();
                present++;
            }
        }
        Ec57 e = present == 0 ? new Ec57("N, S, V, F (Q left out)", 0, 0, 0)
                : new Ec57("N, S, V, F (Q left out)", se / present, ppv / present, f1 / present);
        return new Metrics(split, n, accuracy, recallMacro, precisionMacro, f1Macro, perClass, confusion, e, perRecord);
    }

    /** This with each record's share; an empty list (beats without record numbers) leaves it out. */
    public Metrics withPerRecord(java.util.List<RecordMetrics> records) {
        return new Metrics(split, n, accuracy, recallMacro, precisionMacro, f1Macro, perClass, confusion, ec57,
                records.isEmpty() ? null : java.util.List.copyOf(records));
    }

    /** Metrics of predictions {@code pred} against labels {@code truth} (labels 0 to 4). */
    public static Metrics of(String split, int[] truth, int[] pred) {
        if (truth.length != pred.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int k = AamiClass.COUNT;
        int[][] cm = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            cm[truth[i]][pred[i]]++;
        }
        return fromConfusion(split, cm);
    }

    public static Metrics fromConfusion(String split, int[][] cm) {
        int k = AamiClass.COUNT;
        int n = 0;
        int correct = 0;
        int[] support = new int[k];
        int[] predicted = new int[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                n += cm[t][p];
                support[t] += cm[t][p];
                predicted[p] += cm[t][p];
            }
            correct += cm[t][t];
        }
        Map<String, ClassMetrics> per = new LinkedHashMap<>();
        double sumR = 0;
        double sumP = 0;
        double sumF = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            double precision = predicted[c] == 0 ? 0 : (double) cm[c][c] / predicted[c];
            double recall = support[c] == 0 ? 0 : (double) cm[c][c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.put(AamiClass.ofLabel(c).name(), new ClassMetrics(precision, recall, f1, support[c]));
            if (support[c] > 0) {
                sumR += recall;
                sumP += precision;
                sumF += f1;
                present++;
            }
        }
        int[][] copy = new int[k][];
        for (int t = 0; t < k; t++) {
            copy[t] = cm[t].clone();
        }
        return new Metrics(split, n, n == 0 ? 0 : (double) correct / n, present == 0 ? 0 : sumR / present,
                present == 0 ? 0 : sumP / present, present == 0 ? 0 : sumF / present, per, copy, null, null);
    }

    /** The value of an objective; {@link Objective#DEFAULT} must be resolved first. */
    public double get(Objective objective) {
        return switch (objective) {
            case ACCURACY -> accuracy;
            case RECALL_MACRO -> recallMacro;
            case RECALL_MACRO_NSVF -> withEc57().ec57().seMacro();
            case DEFAULT -> throw new IllegalArgumentException("resolve the default objective for a protocol first");
        };
    }

    /** A short table for the terminal. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d beats, accuracy %.4f, macro recall %.4f, macro precision %.4f, macro F1 %.4f%n",
                split, n, accuracy, recallMacro, precisionMacro, f1Macro));
        if (ec57 != null) {
            sb.append(String.format("AAMI EC57 over N, S, V, F (Q left out): macro Se %.4f, macro +P %.4f, macro F1 %.4f"
                    + " (per class below: Se = recall, +P = precision)%n", ec57.seMacro(), ec57.ppvMacro(), ec57.f1Macro()));
        }
        sb.append(String.format("%-6s %9s %9s %9s %9s   confusion (rows true, columns predicted N S V F Q)%n",
                "class", "precision", "recall", "f1", "support"));
        int c = 0;
        for (Map.Entry<String, ClassMetrics> e : perClass.entrySet()) {
            ClassMetrics m = e.getValue();
            sb.append(String.format("%-6s %9.4f %9.4f %9.4f %9d  ", e.getKey(), m.precision(), m.recall(), m.f1(),
                    m.support()));
            for (int v : confusion[c]) {
                sb.append(String.format(" %7d", v));
            }
            sb.append(System.lineSeparator());
            c++;
        }
        if (perRecord != null) {
            sb.append(String.format("%nper record: S and V found of those present; beats of other classes called S or V%n"));
            sb.append(String.format("%6s %6s %8s %11s %11s %8s %8s%n", "record", "beats", "accuracy", "S found",
                    "V found", "S false", "V false"));
            for (RecordMetrics r : perRecord) {
                sb.append(String.format("%6d %6d %8.4f %11s %11s %8d %8d%n", r.record(), r.n(), r.accuracy(),
                        r.found(AamiClass.S) + "/" + r.support(AamiClass.S),
                        r.found(AamiClass.V) + "/" + r.support(AamiClass.V),
                        r.falseAlarms(AamiClass.S), r.falseAlarms(AamiClass.V)));
            }
        }
        return sb.toString();
    }
}
