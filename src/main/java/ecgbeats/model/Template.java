package ecgbeats.model;

import ecgbeats.util.BadInputException;
import ecgbeats.util.EnumIds;

/**
 * What a model sees of the patient's usual beat (hyperparameter {@code template}; docs/reference.md
 * §2 "Features"): nothing, or a second input channel holding the beat minus its record's median
 * beat ({@code ecgbeats.data.beat.RecordTemplates}), the median taken over that record's beats
 * classified together (a split of a dataset, or a whole recording).
 *
 * <p>Why: on the inter-patient protocol most errors are patients whose normal beats look unlike
 * any training patient's (record 117's and 214's normal beats called V by the hundred) or whose
 * ectopic beats look like their own normal ones; against the patient's own median beat the first
 * are unremarkable and the second stand out. docs/results.md measures it.
 */
public enum Template {
    /** The beat alone: one input channel. */
    NONE(1),
    /** The beat, and the beat minus its record's median beat: two input channels. */
    MEDIAN(2);

    private final int channels;

    Template(int channels) {
        this.channels = channels;
    }

    /** Input channels the model reads per beat. */
    public int channels() {
        return channels;
    }

    /** Whether the model needs each beat's record (its median beat) besides the beat. */
    public boolean usesRecord() {
        return this != NONE;
    }

    public String id() {
        return EnumIds.id(this);
    }

    public static Template parse(String s) {
        return EnumIds.find(Template.class, s).orElseThrow(() -> new BadInputException(
                "template: '" + s + "' is not one of " + EnumIds.list(Template.class)));
    }
}
