package ecgbeats.data.beat;

/**
 * How closely each beat's start, the QRS complex and what follows it, matches its record's median
 * beat ({@link RecordTemplates}): the Pearson correlation of their first {@code samples} samples.
 * A supraventricular beat is conducted through the ventricles as the patient's usual beats are,
 * and keeps their QRS; a ventricular beat does not. Needs no label: the median beat of a
 * recording is its usual beat, as long as most beats are conducted alike.
 */
public final class ShapeMatch {

    private ShapeMatch() {
    }

    /**
     * The correlation of each beat of {@code beats} with its record's median beat over their first
     * {@code samples} samples (at most the beat length); 0 where either is flat there.
     */
    public static float[] of(BeatTable beats, int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("a correlation needs at least two samples, not " + samples);
        }
        int len = beats.beatLength();
        int k = Math.min(samples, len);
        RecordTemplates templates = RecordTemplates.median(beats);
        float[] s = beats.samples();
        float[] out = new float[beats.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) correlation(s, i * len, templates.of(beats.records()[i]), k);
        }
        return out;
    }

    /** The Pearson correlation of {@code a[from..from+k)} and {@code b[0..k)}; 0 when either is constant. */
    static double correlation(float[] a, int from, float[] b, int k) {
        double ma = 0;
        double mb = 0;
        for (int j = 0; j < k; j++) {
            ma += a[from + j];
            mb += b[j];
        }
        ma /= k;
        mb /= k;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int j = 0; j < k; j++) {
            double x = a[from + j] - ma;
            double y = b[j] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
