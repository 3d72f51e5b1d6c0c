package ecgbeats.data.beat;

/**
 * Rational resampling by {@code up / down} with a polyphase windowed-sinc low-pass filter,
 * the method of scipy.signal.resample_poly (Kaiser window, beta 5, half length 10 taps per
 * input-rate period, cut-off at the lower Nyquist frequency). Output length is
 * ceil(n * up / down); output sample j sits at input time j * down / up.
 */
public final class Resampler {

    private final int up;
    private final int down;
    private final double[] taps;
    private final int half;

    public Resampler(int up, int down) {
        if (up <= 0 || down <= 0) {
            throw new IllegalArgumentException("up and down must be positive");
        }
        int g = gcd(up, down);
        this.up = up / g;
        this.down = down / g;
        int maxRate = Math.max(this.up, this.down);
        this.half = 10 * maxRate;
        this.taps = lowPass(2 * half + 1, 1.0 / maxRate, 5.0);
        for (int i = 0; i < taps.length; i++) {
            taps[i] *= this.up; // gain compensates the zeros inserted by upsampling
        }
    }

    /** Resampler from {@code from} Hz to {@code to} Hz (integer rates). */
    public static Resampler between(double from, double to) {
        if (from != Math.rint(from) || to != Math.rint(to)) {
            throw new IllegalArgumentException("only integer sampling rates are supported: " + from + " -> " + to);
        }
        return new Resampler((int) to, (int) from);
    }

    public int outputLength(int inputLength) {
        return (int) ((long) inputLength * up / down + ((long) inputLength * up % down == 0 ? 0 : 1));
    }

    public double[] apply(double[] x) {
        int n = x.length;
        int outLength = outputLength(n);
        double[] y = new double[outLength];
        for (int j = 0; j < outLength; j++) {
            // position in the upsampled stream; the filter is centred there
            long t = (long) j * down;
            long kFirst = t - half; // upsampled indices covered: t-half .. t+half
            // input samples sit at upsampled indices that are multiples of up
            long iFirst = Math.floorDiv(kFirst + up - 1, up);
            long iLast = Math.floorDiv(t + half, up);
            double acc = 0;
            for (long i = Math.max(iFirst, 0); i <= Math.min(iLast, n - 1); i++) {
                acc += x[(int) i] * taps[(int) (t - i * up + half)];
            }
            y[j] = acc;
        }
        return y;
    }

    /** Maps a sample index at the input rate to the nearest index at the output rate. */
    public long map(long inputIndex) {
        return Math.round((double) inputIndex * up / down);
    }

    private static double[] lowPass(int length, double cutoff, double beta) {
        double[] h = new double[length];
        double alpha = (length - 1) / 2.0;
        double sum = 0;
        double i0Beta = besselI0(beta);
        for (int i = 0; i < length; i++) {
            double m = i - alpha;
            double sinc = m == 0 ? 1 : Math.sin(Math.PI * cutoff * m) / (Math.PI * cutoff * m);
            double r = m / alpha;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            h[i] = cutoff * sinc * window;
            sum += h[i];
        }
        for (int i = 0; i < length; i++) {
            h[i] /= sum; // unit gain at DC, as scipy's firwin scales
        }
        return h;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
