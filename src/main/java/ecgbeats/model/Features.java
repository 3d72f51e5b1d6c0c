package ecgbeats.model;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

/**
 * What a model sees besides the beat's samples (docs/reference.md §2 "Features"): nothing; {@code rr}, the
 * beat's first eight RR-interval features; {@code rr_norm}, only the four of them divided by the
 * record's mean RR; or {@code rr_local}, those four and the beat against the rhythm around it
 * (pre- and post-RR over the local median RR, and the local irregularity). The normalised four
 * carry a beat's prematurity without the patient's heart rate, which is what carries over to
 * patients training never saw: on the inter-patient protocol the raw intervals in seconds let a
 * model learn its training patients' rates instead (docs/results.md measures both). The local
 * three tell an early beat in a regular rhythm (an ectopic one) from an early beat in atrial
 * fibrillation, and do not depend on the record's mean, which a block or long runs of ectopic
 * beats move.
 */
public enum Features {
    NONE(new int[0], 0),
    RR(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 8),
    RR_NORM(new int[] {4, 5, 6, 7}, 8),
    RR_LOCAL(new int[] {4, 5, 6, 7, 8, 9, 10}, 11);

    private final int[] columns;
    private final int inputWidth;

    Features(int[] columns, int inputWidth) {
        this.columns = columns;
        this.inputWidth = inputWidth;
    }

    /**
     * How many RR features, the first ones, the model takes in per beat (it reads
     * {@link #columns()} of them): 8 for the features a dataset of format 2 holds, so that
     * models trained then keep their shape.
     */
    public int inputWidth() {
        return inputWidth;
    }

    /** The columns of the stored RR features ({@code ecgbeats.data.beat.RrFeatures} order) the model reads. */
    public int[] columns() {
        return columns.clone();
    }

    /** Whether the model reads RR features at all. */
    public boolean usesRr() {
        return columns.length > 0;
    }

    public String id() {
        return EnumIds.id(this);
    }

    public static Features parse(String s) {
        return EnumIds.find(Features.class, s).orElseThrow(() -> new BadInputException(
                "features: '" + s + "' is not one of "
                + EnumIds.list(Features.class)));
    }
}
