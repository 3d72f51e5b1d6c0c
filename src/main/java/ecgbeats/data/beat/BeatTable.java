package ecgbeats.data.beat;

import java.util.Arrays;

/**
 * Beats stored column by column: the samples of beat i are {@code samples[i*length .. (i+1)*length)},
 * its label {@code labels[i]} (an {@link AamiClass} label), the record it comes from
 * ({@code records[i]}, {@link #SYNTHETIC} for beats made by SMOTE) and the R peak's sample
 * index in that record at the record's own rate ({@code positions[i]}).
 *
 * <p>Immutable by convention: the arrays are not copied on the way in or out, so callers must
 * not modify them. Views that select rows copy.
 */
public final class BeatTable {

    /** Record number of beats that no record holds (synthetic SMOTE beats). */
    public static final short SYNTHETIC = -1;
    /** Record number of beats whose source does not name a record (Kaggle CSV imports). */
    public static final short UNKNOWN_RECORD = 0;

    private final int length;
    private final float[] samples;
    private final byte[] labels;
    private final short[] records;
    private final int[] positions;

    public BeatTable(int length, float[] samples, byte[] labels, short[] records, int[] positions) {
        int n = labels.length;
        if (length <= 0 || samples.length != (long) n * length || records.length != n || positions.length != n) {
            throw new IllegalArgumentException("inconsistent beat table columns");
        }
        this.length = length;
        this.samples = samples;
        this.labels = labels;
        this.records = records;
        this.positions = positions;
    }

    public static BeatTable empty(int length) {
        return new BeatTable(length, new float[0], new byte[0], new short[0], new int[0]);
    }

    public int size() {
        return labels.length;
    }

    /** Samples per beat (187 for the Kachuee extraction). */
    public int beatLength() {
        return length;
    }

    public int label(int i) {
        return labels[i];
    }

    public float[] samples() {
        return samples;
    }

    public byte[] labels() {
        return labels;
    }

    public short[] records() {
        return records;
    }

    public int[] positions() {
        return positions;
    }

    /** Copies beat {@code i}'s samples into {@code out} at {@code offset}. */
    public void copyBeat(int i, float[] out, int offset) {
        System.arraycopy(samples, i * length, out, offset, length);
    }

    /** Beats per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[AamiClass.COUNT];
        for (byte b : labels) {
            counts[b]++;
        }
        return counts;
    }

    /** A new table holding the rows {@code rows}, in that order (rows may repeat). */
    public BeatTable select(int[] rows) {
        float[] s = new float[rows.length * length];
        byte[] l = new byte[rows.length];
        short[] r = new short[rows.length];
        int[] p = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            System.arraycopy(samples, i * length, s, k * length, length);
            l[k] = labels[i];
            r[k] = records[i];
            p[k] = positions[i];
        }
        return new BeatTable(length, s, l, r, p);
    }

    /** This table followed by {@code other}. */
    public BeatTable concat(BeatTable other) {
        if (other.length != length) {
            throw new IllegalArgumentException("beat lengths differ");
        }
        int n = size();
        float[] s = Arrays.copyOf(samples, samples.length + other.samples.length);
        System.arraycopy(other.samples, 0, s, samples.length, other.samples.length);
        byte[] l = Arrays.copyOf(labels, n + other.size());
        System.arraycopy(other.labels, 0, l, n, other.size());
        short[] r = Arrays.copyOf(records, n + other.size());
        System.arraycopy(other.records, 0, r, n, other.size());
        int[] p = Arrays.copyOf(positions, n + other.size());
        System.arraycopy(other.positions, 0, p, n, other.size());
        return new BeatTable(length, s, l, r, p);
    }

    /** Collects beats one at a time. */
    public static final class Builder {
        private final int length;
        private float[] samples = new float[1024];
        private byte[] labels = new byte[64];
        private short[] records = new short[64];
        private int[] positions = new int[64];
        private int n;

        public Builder(int length) {
            this.length = length;
        }

        /** Adds a beat; {@code beat} is copied from {@code offset}, {@code length} samples. */
        public Builder add(float[] beat, int offset, int label, int record, int position) {
            if (n == labels.length) {
                int cap = n * 2;
                labels = Arrays.copyOf(labels, cap);
                records = Arrays.copyOf(records, cap);
                positions = Arrays.copyOf(positions, cap);
            }
            if ((long) (n + 1) * length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, (n + 1) * length));
            }
            System.arraycopy(beat, offset, samples, n * length, length);
            labels[n] = (byte) label;
            records[n] = (short) record;
            positions[n] = position;
            n++;
            return this;
        }

        public Builder addAll(BeatTable t) {
            for (int i = 0; i < t.size(); i++) {
                add(t.samples, i * t.length, t.labels[i], t.records[i], t.positions[i]);
            }
            return this;
        }

        public int size() {
            return n;
        }

        public BeatTable build() {
            return new BeatTable(length, Arrays.copyOf(samples, n * length), Arrays.copyOf(labels, n),
                    Arrays.copyOf(records, n), Arrays.copyOf(positions, n));
        }
    }
}
