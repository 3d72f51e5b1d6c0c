package ecgbeats.adapt;

import java.util.Locale;

/** How a run learns one patient's recording. */
public enum AdaptMethod {
    /** Fine-tuning on beats a person labelled (with the run's training beats replayed). */
    FINE_TUNE(false),
    /** BatchNorm statistics recomputed on the recording's beats (AdaBN): no labels, transductive. */
    BATCH_NORM(true),
    /** Fine-tuning on the recording's beats the run classifies confidently, as if labelled so: transductive. */
    SELF_TRAINING(true),
    /**
     * The recording's beats grouped by shape (k-means), each group's shape classes (V, F, Q against
     * N or S) decided together from its members' probabilities, N against S left to each beat's
     * own rhythm: transductive.
     */
    CLUSTERS(true);

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

    /** The method called {@code id} (batch-norm, self-training, ...), or null. */
    public static AdaptMethod of(String id) {
        for (AdaptMethod m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
