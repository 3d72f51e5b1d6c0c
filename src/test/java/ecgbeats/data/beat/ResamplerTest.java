package ecgbeats.data.beat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResamplerTest {

    @Test
    void lengthFollowsTheRateRatio() {
        Resampler r = Resampler.between(360, 125);
        assertEquals(225695, r.outputLength(650000)); // ceil(650000 * 25 / 72)
        assertEquals(25, r.outputLength(72));
        assertEquals(1, r.outputLength(1));
    }

    @Test
    void aSlowSineKeepsItsShape() {
        double f = 5; // Hz, far below the new Nyquist frequency of 62.5 Hz
        double[] x = new double[3600];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / 360.0);
        }
        double[] y = Resampler.between(360, 125).apply(x);
        for (int j = 200; j < y.length - 200; j++) { // away from the edges, where the filter sees zeros
            assertEquals(Math.sin(2 * Math.PI * f * j / 125.0), y[j], 2e-3, "sample " + j);
        }
    }

    @Test
    void aConstantStaysConstantInTheMiddle() {
        double[] x = new double[2000];
        java.util.Arrays.fill(x, 3.5);
        double[] y = Resampler.between(360, 125).apply(x);
        for (int j = 100; j < y.length - 100; j++) {
            assertEquals(3.5, y[j], 1e-3);
        }
    }

    @Test
    void aToneAboveTheNewNyquistIsRemoved() {
        double[] x = new double[3600];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 100 * i / 360.0); // 100 Hz > 62.5 Hz
        }
        double[] y = Resampler.between(360, 125).apply(x);
        double energy = 0;
        for (int j = 200; j < y.length - 200; j++) {
            energy += y[j] * y[j];
        }
        assertEquals(0, energy / (y.length - 400), 1e-3);
    }

    @Test
    void sampleIndicesMapToTheNearestOutputSample() {
        Resampler r = Resampler.between(360, 125);
        assertEquals(0, r.map(0));
        assertEquals(125, r.map(360));
        assertEquals(35, r.map(100)); // 100 * 125 / 360 = 34.72
    }
}
