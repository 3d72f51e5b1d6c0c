package ecgbeats.data.beat;

import java.util.Arrays;

/**
 * Beats stored column by column: the samples of beat i are {@code samples[i*length .. (i+1)*length)},
 * its label {@code labels[i]} (an {@link AamiClass} label), the record it comes from
 * ({@code records[i]}, {@link #SYNTHETIC} for beats made by SMOTE), the R peak's sample
 * index in that record at the record's own rate ({@code positions[i]}) and, when the table has
 * them, its {@link RrFeatures} ({@code rr[i*w .. (i+1)*w)} with w = {@link #rrWidth()}: all
 * {@value RrFeatures#COUNT}, or the first {@value RrFeatures#FORMAT2_COUNT} for a dataset file
 * of format 2; null for a table without, such as a Kaggle CSV import).
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
    private final float[] rr;
    private final int rrWidth;

    /** A table without RR features. */
    public BeatTable(int length, float[] samples, byte[] labels, short[] records, int[] positions) {
        this(length, samples, labels, records, positions, null, 0);
    }

    /** A table with all {@link RrFeatures#COUNT} RR features, or none when {@code rr} is null. */
    public BeatTable(int length, float[] samples, byte[] labels, short[] records, int[] positions, float[] rr) {
        this(length, samples, labels, records, positions, rr, rr == null ? 0 : RrFeatures.COUNT);
    }

    /** A table whose beats carry the first {@code rrWidth} RR features (0 when {@code rr} is null). */
    public BeatTable(int length, float[] samples, byte[] labels, short[] records, int[] positions, float[] rr,
                     int rrWidth) {
        int n = labels.length;
        if (length <= 0 || samples.length != (long) n * length || records.length != n || positions.length != n
                || (rr == null) != (rrWidth == 0) || rrWidth < 0 || rrWidth > RrFeatures.COUNT
                || rr != null && rr.length != (long) n * rrWidth) {
            throw new IllegalArgumentException("inconsistent beat table columns");
        }
        this.rrWidth = rrWidth;
        this.length = length;
        this.samples = samples;
        this.labels = labels;
        this.records = records;
        this.positions = positions;
        this.rr = rr;
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

    /** Whether the beats carry RR features. */
    public boolean hasRr() {
        return rr != null;
    }

    /** The RR features, {@link #rrWidth()} per beat; null when the table has none. */
    public float[] rr() {
        return rr;
    }

    /** How many of the {@link RrFeatures}, the first ones, each beat carries: 0, 8 (format 2 files) or all. */
    public int rrWidth() {
        return rrWidth;
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
        float[] f = rr == null ? null : new float[rows.length * rrWidth];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            System.arraycopy(samples, i * length, s, k * length, length);
            l[k] = labels[i];
            r[k] = records[i];
            p[k] = positions[i];
            if (f != null) {
                System.arraycopy(rr, i * rrWidth, f, k * rrWidth, rrWidth);
            }
        }
        return new BeatTable(length, s, l, r, p, f, rrWidth);
    }

    /** This table followed by {@code other}; both carry the same RR features. */
    public BeatTable concat(BeatTable other) {
        return new Builder(length, rrWidth).addAll(this).addAll(other).build();
    }

    /** Collects beats one at a time. */
    public static final class Builder {
        private final int length;
        private final int width;
        private float[] samples = new float[1024];
        private byte[] labels = new byte[64];
        private short[] records = new short[64];
        private int[] positions = new int[64];
        private float[] rr;
        private int n;

        /** A builder of beats without RR features. */
        public Builder(int length) {
            this(length, false);
        }

        /** A builder of beats with all RR features, or without any. */
        public Builder(int length, boolean withRr) {
            this(length, withRr ? RrFeatures.COUNT : 0);
        }

        /** A builder of beats that carry the first {@code rrWidth} RR features (0: none). */
        public Builder(int length, int rrWidth) {
            if (rrWidth < 0 || rrWidth > RrFeatures.COUNT) {
                throw new IllegalArgumentException("RR width " + rrWidth);
            }
            this.length = length;
            this.width = rrWidth;
            this.rr = rrWidth > 0 ? new float[64 * rrWidth] : null;
        }

        public boolean withRr() {
            return width > 0;
        }

        /** Adds a beat without RR features; {@code beat} is copied from {@code offset}, {@code length} samples. */
        public Builder add(float[] beat, int offset, int label, int record, int position) {
            return add(beat, offset, label, record, position, null, 0);
        }

        /**
         * Adds a beat; its RR features are copied from {@code features} at {@code featureOffset}
         * (this builder's RR width of numbers), which must be null exactly when this builder has none.
         */
        public Builder add(float[] beat, int offset, int label, int record, int position, float[] features,
                           int featureOffset) {
            if ((features != null) != withRr()) {
                throw new IllegalArgumentException(withRr() ? "a beat without RR features in a table with them"
                        : "a beat with RR features in a table without them");
            }
            if (n == labels.length) {
                int cap = n * 2;
                labels = Arrays.copyOf(labels, cap);
                records = Arrays.copyOf(records, cap);
                positions = Arrays.copyOf(positions, cap);
                if (withRr()) {
                    rr = Arrays.copyOf(rr, cap * width);
                }
            }
            if ((long) (n + 1) * length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, (n + 1) * length));
            }
            System.arraycopy(beat, offset, samples, n * length, length);
            labels[n] = (byte) label;
            records[n] = (short) record;
            positions[n] = position;
            if (withRr()) {
                System.arraycopy(features, featureOffset, rr, n * width, width);
            }
            n++;
            return this;
        }

        /** Adds every beat of {@code t}, which must carry at least this builder's RR features. */
        public Builder addAll(BeatTable t) {
            if (t.rrWidth < width) {
                throw new IllegalArgumentException("beats with " + t.rrWidth + " RR features in a table of " + width);
            }
            for (int i = 0; i < t.size(); i++) {
                add(t.samples, i * t.length, t.labels[i], t.records[i], t.positions[i], withRr() ? t.rr : null,
                        i * t.rrWidth);
            }
            return this;
        }

        public int size() {
            return n;
        }

        public BeatTable build() {
            return new BeatTable(length, Arrays.copyOf(samples, n * length), Arrays.copyOf(labels, n),
                    Arrays.copyOf(records, n), Arrays.copyOf(positions, n),
                    withRr() ? Arrays.copyOf(rr, n * width) : null, width);
        }
    }
}
