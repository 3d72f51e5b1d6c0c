package ecgbeats.model;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

/**
 * Where a model's rhythm embedding meets what its trunk made of the beat's shape (hyperparameter
 * {@code rhythm_join}; docs/reference.md §2 "Features").
 *
 * <p>Why it matters: joined to the trunk's raw output (the study's cnn2d: 6,144 values) the 32
 * rhythm units are a sliver of the head's input, and a trunk large enough to tell its training
 * patients apart by shape is never pushed to use them. Joined after the head's first dense layer
 * they stand beside that layer's {@code hidden} units instead. On the small inter-patient set of
 * docs/results.md, S recall on unseen patients fell from 0.89 at hidden 16 to 0.27 at hidden 128
 * with {@link #TRUNK}, and stays high with {@link #DENSE}. On the whole DS1 → DS2 split (one
 * seed each) the two were level on the EC57 macro Se: DENSE found more V and F beats, TRUNK more S.
 */
public enum RhythmJoinPoint {
    /** After the trunk, before the dense head: the first design, kept so that its runs still load. */
    TRUNK,
    /** After the dense head's first layer (Linear, ReLU, its Dropout); at the trunk when the head is one Linear. */
    DENSE;

    public String id() {
        return EnumIds.id(this);
    }

    public static RhythmJoinPoint parse(String s) {
        return EnumIds.find(RhythmJoinPoint.class, s).orElseThrow(() -> new BadInputException(
                "rhythm_join: '" + s + "' is not one of trunk, dense"));
    }
}
