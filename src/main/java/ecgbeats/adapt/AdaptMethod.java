package ecgbeats.adapt;

import java.util.Locale;

/** How a run learns one patient's recording. */
public enum AdaptMethod {
    /** Fine-tuning on beats a person labelled (with the run's training beats replayed). */
    FINE_TUNE(false),
    /** BatchNorm statistics recomputed on the recording's beats (AdaBN): no labels, transductive. */
    BATCH_NORM(true);

    private final boolean transductive;

    AdaptMethod(boolean transductive) {
        this.transductive = transductive;
    }

    /**
     * Whether the method learns from the very beats it then classifies (without their labels):
     * its figures on a recording are not those of a model that never saw the recording.
     */
    public boolean transductive() {
        return transductive;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
