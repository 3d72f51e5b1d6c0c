package ecgbeats.data.beat;

/**
 * How beats are cut from a recording (docs/reference.md §1, after Kachuee et al. 2018).
 *
 * @param frequency     the rate the lead is resampled to, Hz
 * @param windowSeconds length of the windows that are normalised to [0, 1]
 * @param beatLength    samples kept per beat, zero-padded
 * @param rrFactor      a beat spans this many median RR intervals from its R peak
 * @param dropLastBeat  drop each record's last beat, as the Kaggle build did (48 beats over
 *                      the 48 records); off by default, which keeps de Chazal's counts
 */
public record ExtractionSettings(int frequency, double windowSeconds, int beatLength, double rrFactor,
                                 boolean dropLastBeat) {

    public static final ExtractionSettings KACHUEE = new ExtractionSettings(125, 10, 187, 1.2, false);

    public ExtractionSettings {
        if (frequency <= 0 || windowSeconds <= 0 || beatLength <= 0 || rrFactor <= 0) {
            throw new IllegalArgumentException("extraction settings must be positive");
        }
    }

    public ExtractionSettings withDropLastBeat(boolean drop) {
        return new ExtractionSettings(frequency, windowSeconds, beatLength, rrFactor, drop);
    }

    public int windowSamples() {
        return (int) Math.round(windowSeconds * frequency);
    }
}
