package ecgbeats.data.qrs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A QRS detector after Pan and Tompkins (1985), for whole recordings (offline, so its filters
 * are zero-phase): band-pass 5–15 Hz, five-point derivative, squaring, a 150 ms moving-window
 * integral, then adaptive signal and noise levels over the integral's peaks with a 200 ms
 * refractory period, T-wave rejection by slope within 360 ms of a beat, and a search back at
 * half the threshold when no beat came for 1.66 average RR intervals. Each detection is placed
 * on the largest deflection of the band-passed signal near the integral's peak, where MIT-BIH
 * puts its beat annotations. Thread-safe; holds no state between calls.
 */
public final class PanTompkins {

    private static final double REFRACTORY_S = 0.2;
    private static final double T_WAVE_S = 0.36;
    private static final double WINDOW_S = 0.15;

    /** Sample indices of the QRS complexes in {@code signal} (any unit), sampled at {@code fs} Hz, ascending. */
    public int[] detect(double[] signal, double fs) {
        int n = signal.length;
        if (n < fs) {
            return new int[0];
        }
        double[] band = Biquad.highPass(5, fs).zeroPhase(Biquad.lowPass(15, fs).zeroPhase(signal));
        double[] energy = new double[n];
        for (int i = 2; i < n - 2; i++) {
            double d = (2 * band[i + 2] + band[i + 1] - band[i - 1] - 2 * band[i - 2]) / 8;
            energy[i] = d * d;
        }
        int w = (int) Math.round(WINDOW_S * fs);
        double[] mwi = movingAverage(energy, w);
        int[] candidates = peaks(mwi, (int) Math.round(REFRACTORY_S * fs));
        return place(select(candidates, mwi, band, fs), band, fs);
    }

    /** Centred moving average of width w. */
    static double[] movingAverage(double[] x, int w) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] y = new double[n];
        int half = w / 2;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(n, i - half + w);
            y[i] = (prefix[b] - prefix[a]) / w;
        }
        return y;
    }

    /** Local maxima, each the largest within {@code distance} samples on both sides (ties: the first). */
    static int[] peaks(double[] x, int distance) {
        List<Integer> out = new ArrayList<>();
        int n = x.length;
        for (int i = 1; i < n - 1; i++) {
            if (x[i] > x[i - 1] && x[i] >= x[i + 1]) {
                int last = out.isEmpty() ? -1 : out.get(out.size() - 1);
                if (last >= 0 && i - last < distance) {
                    if (x[i] > x[last]) {
                        out.set(out.size() - 1, i);
                    }
                } else {
                    out.add(i);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The adaptive thresholds of Pan and Tompkins over the integral's peaks. */
    private static List<Integer> select(int[] candidates, double[] mwi, double[] band, double fs) {
        int learn = (int) Math.min(mwi.length, 2 * fs);
        double max = 0;
        double mean = 0;
        for (int i = 0; i < learn; i++) {
            max = Math.max(max, mwi[i]);
            mean += mwi[i] / learn;
        }
        double spk = max / 3;
        double npk = mean / 2;
        List<Integer> qrs = new ArrayList<>();
        double[] rr = new double[8];
        int rrCount = 0;
        double lastSlope = 0;
        int refractory = (int) Math.round(REFRACTORY_S * fs);
        int tWave = (int) Math.round(T_WAVE_S * fs);
        int halfQrs = (int) Math.round(0.075 * fs);
        int lastCandidate = 0; // index into candidates of the first one after the last beat
        for (int k = 0; k < candidates.length; k++) {
            int p = candidates[k];
            double threshold = npk + 0.25 * (spk - npk);
            int last = qrs.isEmpty() ? Integer.MIN_VALUE / 2 : qrs.get(qrs.size() - 1);
            double rrAverage = rrCount == 0 ? fs : mean(rr, rrCount);
            // search back: too long without a beat, take the largest peak above half the threshold
            if (!qrs.isEmpty() && p - last > 1.66 * rrAverage) {
                int best = -1;
                for (int j = lastCandidate; j < k; j++) {
                    int c = candidates[j];
                    if (c - last >= refractory && mwi[c] > threshold / 2 && (best < 0 || mwi[c] > mwi[best])) {
                        best = c;
                    }
                }
                if (best >= 0) {
                    spk = 0.25 * mwi[best] + 0.75 * spk;
                    rrCount = push(rr, rrCount, best - last);
                    qrs.add(best);
                    lastSlope = slope(band, best, halfQrs);
                    last = best;
                    lastCandidate = k;
                }
            }
            if (p - last < refractory) {
                continue;
            }
            if (mwi[p] > threshold) {
                double s = slope(band, p, halfQrs);
                if (p - last < tWave && s < 0.5 * lastSlope) {
                    npk = 0.125 * mwi[p] + 0.875 * npk; // a T wave
                    continue;
                }
                spk = 0.125 * mwi[p] + 0.875 * spk;
                if (!qrs.isEmpty()) {
                    rrCount = push(rr, rrCount, p - last);
                }
                qrs.add(p);
                lastSlope = s;
                lastCandidate = k + 1;
            } else {
                npk = 0.125 * mwi[p] + 0.875 * npk;
            }
        }
        return qrs;
    }

    private static int push(double[] rr, int count, double value) {
        if (count < rr.length) {
            rr[count] = value;
            return count + 1;
        }
        System.arraycopy(rr, 1, rr, 0, rr.length - 1);
        rr[rr.length - 1] = value;
        return count;
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    /** The steepest slope of the band-passed signal within {@code half} samples of {@code p}. */
    private static double slope(double[] band, int p, int half) {
        double s = 0;
        for (int i = Math.max(1, p - half); i <= Math.min(band.length - 1, p + half); i++) {
            s = Math.max(s, Math.abs(band[i] - band[i - 1]));
        }
        return s;
    }

    /** Moves each detection to the largest deflection of the band-passed signal within 100 ms. */
    private static int[] place(List<Integer> qrs, double[] band, double fs) {
        int reach = (int) Math.round(0.1 * fs);
        int[] out = new int[qrs.size()];
        for (int i = 0; i < out.length; i++) {
            int p = qrs.get(i);
            int best = p;
            for (int j = Math.max(0, p - reach); j <= Math.min(band.length - 1, p + reach); j++) {
                if (Math.abs(band[j]) > Math.abs(band[best])) {
                    best = j;
                }
            }
            out[i] = best;
        }
        Arrays.sort(out);
        return out;
    }
}
