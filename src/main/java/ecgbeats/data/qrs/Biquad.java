package ecgbeats.data.qrs;

/**
 * A second-order Butterworth section (bilinear transform, RBJ cookbook form), applied forward
 * and backward so that it shifts nothing in time (as scipy's filtfilt).
 */
record Biquad(double b0, double b1, double b2, double a1, double a2) {

    static Biquad lowPass(double cutoff, double fs) {
        double w = 2 * Math.PI * cutoff / fs;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    static Biquad highPass(double cutoff, double fs) {
        double w = 2 * Math.PI * cutoff / fs;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new Biquad((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /** One pass, starting from the first sample's steady state so that the start does not ring. */
    double[] forward(double[] x) {
        double[] y = new double[x.length];
        if (x.length == 0) {
            return y;
        }
        double gain = (b0 + b1 + b2) / (1 + a1 + a2); // DC gain: 1 for low-pass, 0 for high-pass
        double x1 = x[0];
        double x2 = x[0];
        double y1 = x[0] * gain;
        double y2 = y1;
        for (int i = 0; i < x.length; i++) {
            double v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = v;
        }
        return y;
    }

    /** Forward, then backward over the result: zero phase, squared magnitude. */
    double[] zeroPhase(double[] x) {
        double[] y = forward(x);
        reverse(y);
        y = forward(y);
        reverse(y);
        return y;
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
