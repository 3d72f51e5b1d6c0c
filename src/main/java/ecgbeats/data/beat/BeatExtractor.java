package ecgbeats.data.beat;

import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.WfdbRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts labelled beats out of a record (docs/reference.md §1): the lead is resampled, each window of
 * {@code windowSeconds} is min-max normalised to [0, 1], and each beat keeps
 * {@code rrFactor} median RR intervals of that window from its R peak, at most
 * {@code beatLength} samples, zero-padded.
 *
 * <p>Choices the method leaves open, made here: the RR median of a window uses every beat
 * annotation (also those outside the five classes), with the RR interval from each beat in
 * the window to the next beat; a window with no such interval takes the record's median.
 * A beat that runs past its window's end keeps the window's normalisation, clipped to [0, 1];
 * past the record's end it is zero-padded.
 *
 * <p>Every beat also gets its {@link RrFeatures}, computed from all the beats given (those
 * outside the five classes included), so a record needs at least two beats.
 */
public final class BeatExtractor {

    private final ExtractionSettings settings;

    public BeatExtractor(ExtractionSettings settings) {
        this.settings = settings;
    }

    /**
     * Refuses a record whose sampling frequency this extractor cannot resample (a rate that is
     * not a whole number of hertz), naming the header file.
     */
    public static void checkFrequency(WfdbRecord record, java.nio.file.Path header) {
        if (record.frequency() != Math.rint(record.frequency()) || record.frequency() < 1) {
            throw ecgbeats.util.BadInputException.inFile(header, "sampling frequency " + record.frequency()
                    + " Hz: ecgbeats resamples whole-number rates only");
        }
    }

    /** Signal descriptions that name an ECG lead (ECG, ECG1, II, MLIII, V5, aVF, CM5, D3, "lead II", ...). */
    private static final java.util.regex.Pattern ECG_LEAD = java.util.regex.Pattern.compile(
            "(?i)(.*\\becg\\b.*|ecg\\d*|m?l?i{1,3}|av[rlf]|m?v\\d?|cm\\d|d\\d|lead .*)");

    /**
     * The lead used: the signal named MLII; without one (MIT-BIH 102 and 104, other databases)
     * the first signal whose description names an ECG lead, or else the first signal.
     */
    public static int leadIndex(WfdbRecord record) {
        int mlii = record.signalIndex("MLII");
        if (mlii >= 0) {
            return mlii;
        }
        List<ecgbeats.data.wfdb.SignalSpec> signals = record.header().signals();
        for (int i = 0; i < signals.size(); i++) {
            if (ECG_LEAD.matcher(signals.get(i).description().trim()).matches()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Extracts the beats of {@code record} marked in {@code annotations} into {@code out}, a
     * builder of beats with RR features.
     *
     * @param recordNumber stored with each beat (e.g. 100), so splits can be made by patient
     * @return the number of beats added
     * @throws IllegalArgumentException when the annotations hold fewer than two beats
     */
    public int extract(WfdbRecord record, List<Annotation> annotations, int recordNumber, BeatTable.Builder out) {
        List<Annotation> beats = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a.isBeat() && a.sample() >= 0 && a.sample() < record.length()) {
                beats.add(a);
            }
        }
        long[] samples = new long[beats.size()];
        int[] labels = new int[beats.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = beats.get(i).sample();
            AamiClass c = AamiClass.ofSymbol(beats.get(i).symbol());
            labels[i] = c == null ? -1 : c.label();
        }
        return cut(record, samples, labels, settings.dropLastBeat(), recordNumber, out);
    }

    /**
     * Cuts a beat at every one of {@code rPeaks} (ascending sample indices at the record's rate,
     * e.g. from a QRS detector), with the same windows, normalisation and RR features as
     * {@link #extract}; the beats' labels are 0 (unknown). No beat is dropped.
     *
     * @throws IllegalArgumentException with fewer than two peaks in the record
     */
    public BeatTable cutAt(WfdbRecord record, long[] rPeaks, int recordNumber) {
        BeatTable.Builder out = new BeatTable.Builder(settings.beatLength(), true);
        long[] inside = java.util.Arrays.stream(rPeaks).filter(p -> p >= 0 && p < record.length()).toArray();
        cut(record, inside, new int[inside.length], false, recordNumber, out);
        return out.build();
    }

    /** The method of the class comment over beats at {@code samples}; a label of −1 skips a beat (it still counts for RR). */
    private int cut(WfdbRecord record, long[] samples, int[] labels, boolean dropLast, int recordNumber,
                    BeatTable.Builder out) {
        Resampler resampler = Resampler.between(record.frequency(), settings.frequency());
        double[] signal = resampler.apply(record.physical(leadIndex(record)));
        int n = signal.length;
        int count = samples.length;
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = (int) Math.min(resampler.map(samples[i]), n - 1);
        }
        double recordMedian = medianRr(r, 0, count);
        float[] rhythm = RrFeatures.of(samples, record.frequency());

        int window = settings.windowSamples();
        int maxLength = settings.beatLength();
        float[] beat = new float[maxLength];
        int added = 0;
        int last = dropLast ? count - 1 : count;
        int first = 0;
        for (int start = 0; start < n && first < count; start += window) {
            int end = Math.min(start + window, n);
            int from = first;
            int to = from;
            while (to < count && r[to] < end) {
                to++;
            }
            first = to;
            if (from == to) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                min = Math.min(min, signal[i]);
                max = Math.max(max, signal[i]);
            }
            double range = max - min;
            double scale = range > 0 ? 1 / range : 0;
            // RR intervals from each beat of the window to the next beat (possibly in the next window)
            double median = medianRr(r, from, Math.min(to + 1, count));
            if (Double.isNaN(median)) {
                median = recordMedian;
            }
            int keep = Double.isNaN(median) ? maxLength
                    : (int) Math.min(maxLength, Math.round(settings.rrFactor() * median));
            for (int b = from; b < to && b < last; b++) {
                if (labels[b] < 0) {
                    continue;
                }
                Arrays.fill(beat, 0f);
                for (int k = 0; k < keep && r[b] + k < n; k++) {
                    double v = (signal[r[b] + k] - min) * scale;
                    beat[k] = (float) Math.max(0, Math.min(1, v));
                }
                out.add(beat, 0, labels[b], recordNumber, (int) samples[b], rhythm, b * RrFeatures.COUNT);
                added++;
            }
        }
        return added;
    }

    /** Median of r[i+1]-r[i] for i in [from, to-1); NaN when there is no interval. */
    private static double medianRr(int[] r, int from, int to) {
        int m = to - from - 1;
        if (m <= 0) {
            return Double.NaN;
        }
        int[] d = new int[m];
        for (int i = 0; i < m; i++) {
            d[i] = r[from + i + 1] - r[from + i];
        }
        Arrays.sort(d);
        return m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2.0;
    }
}
