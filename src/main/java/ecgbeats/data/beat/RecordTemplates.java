package ecgbeats.data.beat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Each record's median beat: sample by sample, the median over that record's beats in one table
 * (the mean of the two middle values for an even count). A patient's usual beat, made without
 * labels, against which a model can see what is unusual about one beat: what a cardiologist
 * does when comparing a beat with the patient's others rather than with other patients'.
 *
 * <p>Made from the beats classified together (a split, or a whole recording), so nothing of one
 * split reaches another. Beats made by SMOTE belong to no record and are refused; a table whose
 * beats name no record (a Kaggle CSV import, all {@link BeatTable#UNKNOWN_RECORD}) would give one
 * median of all its patients, which callers must refuse where it matters
 * ({@link #namesRecords(BeatTable)}).
 */
public final class RecordTemplates {

    private final int length;
    private final Map<Short, float[]> medians;

    private RecordTemplates(int length, Map<Short, float[]> medians) {
        this.length = length;
        this.medians = medians;
    }

    /**
     * The median beat of every record of {@code table}.
     *
     * @throws IllegalArgumentException when a beat is synthetic ({@link BeatTable#SYNTHETIC})
     */
    public static RecordTemplates median(BeatTable table) {
        int n = table.size();
        int length = table.beatLength();
        short[] records = table.records();
        Map<Short, int[]> rows = new HashMap<>();
        Map<Short, Integer> counts = new HashMap<>();
        for (short r : records) {
            if (r == BeatTable.SYNTHETIC) {
                throw new IllegalArgumentException("a synthetic (SMOTE) beat belongs to no record");
            }
            counts.merge(r, 1, Integer::sum);
        }
        counts.forEach((r, c) -> rows.put(r, new int[c]));
        Map<Short, Integer> filled = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int k = filled.merge(records[i], 1, Integer::sum) - 1;
            rows.get(records[i])[k] = i;
        }
        float[] samples = table.samples();
        Map<Short, float[]> medians = new HashMap<>();
        rows.forEach((r, of) -> {
            float[] column = new float[of.length];
            float[] median = new float[length];
            for (int j = 0; j < length; j++) {
                for (int k = 0; k < of.length; k++) {
                    column[k] = samples[of[k] * length + j];
                }
                Arrays.sort(column);
                int mid = column.length / 2;
                median[j] = column.length % 2 == 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
            }
            medians.put(r, median);
        });
        return new RecordTemplates(length, medians);
    }

    /**
     * These records' median beats and {@code other}'s, for beats of several sources classified
     * side by side (a patient's beats and other patients' replayed beside them).
     *
     * @throws IllegalArgumentException when both hold a median of the same record
     */
    public RecordTemplates with(RecordTemplates other) {
        if (other.length != length) {
            throw new IllegalArgumentException("median beats of " + other.length + " samples beside " + length);
        }
        Map<Short, float[]> all = new HashMap<>(medians);
        other.medians.forEach((r, m) -> {
            if (all.putIfAbsent(r, m) != null) {
                throw new IllegalArgumentException("two median beats of record " + r);
            }
        });
        return new RecordTemplates(length, all);
    }

    /** These median beats but {@code record}'s (the same when there is none). */
    public RecordTemplates without(short record) {
        if (!medians.containsKey(record)) {
            return this;
        }
        Map<Short, float[]> rest = new HashMap<>(medians);
        rest.remove(record);
        return new RecordTemplates(length, rest);
    }

    /** Whether every beat of {@code table} names the record it comes from (none unknown, none synthetic). */
    public static boolean namesRecords(BeatTable table) {
        for (short r : table.records()) {
            if (r == BeatTable.UNKNOWN_RECORD || r == BeatTable.SYNTHETIC) {
                return false;
            }
        }
        return true;
    }

    /** Samples per beat. */
    public int beatLength() {
        return length;
    }

    /** How many records have a median beat. */
    public int size() {
        return medians.size();
    }

    /**
     * The median beat of {@code record} ({@link #beatLength()} samples; callers must not modify it).
     *
     * @throws IllegalArgumentException when the table had no beat of that record
     */
    public float[] of(short record) {
        float[] m = medians.get(record);
        if (m == null) {
            throw new IllegalArgumentException("no beat of record " + record);
        }
        return m;
    }
}
