package ecgbeats.model;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

/**
 * What a model sees besides the beat's samples (docs/reference.md §2 "Features"): nothing; {@code rr}, the
 * beat's eight RR-interval features; or {@code rr_norm}, only the four divided by the record's
 * mean RR. The normalised four carry a beat's prematurity without the patient's heart rate,
 * which is what carries over to patients training never saw: on the inter-patient protocol the
 * raw intervals in seconds let a model learn its training patients' rates instead
 * (docs/results.md measures both).
 */
public enum Features {
    NONE(new int[0]),
    RR(new int[] {0, 1, 2, 3, 4, 5, 6, 7}),
    RR_NORM(new int[] {4, 5, 6, 7});

    private final int[] columns;

    Features(int[] columns) {
        this.columns = columns;
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
