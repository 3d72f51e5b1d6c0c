package ecgbeats.train;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecgbeats.data.beat.AamiClass;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One record's share of an evaluation: on the inter-patient protocol a record is a patient
 * the model never saw, and where its errors fall (one patient's atrial fibrillation, another's
 * bundle branch block) says more than the split's totals. The per-record tables of de Chazal et
 * al. 2004 are the same view.
 *
 * @param record    the MIT-BIH record number
 * @param n         its beats in the split
 * @param accuracy  their share classified right
 * @param confusion rows = true class, columns = predicted, order N, S, V, F, Q
 */
@JsonPropertyOrder({"record", "n", "accuracy", "confusion"})
public record RecordMetrics(int record, int n, double accuracy, int[][] confusion) {

    /**
     * The records' metrics in record order, or an empty list when the beats carry no record
     * numbers (a Kaggle CSV import, or beats made by SMOTE).
     *
     * @param records the record of each beat ({@code BeatTable.records()})
     */
    public static List<RecordMetrics> of(short[] records, int[] truth, int[] pred) {
        if (records.length != truth.length || truth.length != pred.length) {
            throw new IllegalArgumentException("records, truth and predictions differ in length");
        }
        TreeMap<Integer, int[][]> byRecord = new TreeMap<>();
        for (int i = 0; i < records.length; i++) {
            if (records[i] <= 0) {
                return List.of();
            }
            byRecord.computeIfAbsent((int) records[i], r -> new int[AamiClass.COUNT][AamiClass.COUNT])[truth[i]][pred[i]]++;
        }
        List<RecordMetrics> out = new ArrayList<>();
        byRecord.forEach((r, cm) -> {
            int n = 0;
            int right = 0;
            for (int t = 0; t < cm.length; t++) {
                for (int p = 0; p < cm.length; p++) {
                    n += cm[t][p];
                }
                right += cm[t][t];
            }
            out.add(new RecordMetrics(r, n, (double) right / n, cm));
        });
        return List.copyOf(out);
    }

    /** Beats of class {@code c} in this record. */
    public int support(AamiClass c) {
        int s = 0;
        for (int v : confusion[c.ordinal()]) {
            s += v;
        }
        return s;
    }

    /** Beats of class {@code c} classified as {@code c}. */
    public int found(AamiClass c) {
        return confusion[c.ordinal()][c.ordinal()];
    }

    /** Beats of other classes classified as {@code c}: its false alarms in this record. */
    public int falseAlarms(AamiClass c) {
        int s = 0;
        for (int t = 0; t < confusion.length; t++) {
            if (t != c.ordinal()) {
                s += confusion[t][c.ordinal()];
            }
        }
        return s;
    }
}
