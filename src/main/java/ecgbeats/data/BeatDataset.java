package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.util.Seeds;
import ecgbeats.data.balance.BalanceMethod;
import ecgbeats.data.balance.Balancing;
import ecgbeats.data.beat.BeatTable;

import java.util.EnumMap;
import java.util.Map;

/**
 * A beat dataset: train, validation and test beats and where they came from. Immutable;
 * balancing returns a new dataset whose train split alone has changed.
 */
public record BeatDataset(Provenance provenance, BeatTable train, BeatTable valid, BeatTable test) {

    public BeatTable split(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALID -> valid;
            case TEST -> test;
        };
    }

    public int beatLength() {
        return train.beatLength();
    }

    /** Whether every split's beats carry RR features (datasets built from records do; Kaggle imports and format 1 files do not). */
    public boolean hasRr() {
        return train.hasRr() && valid.hasRr() && test.hasRr();
    }

    /** How many RR features every split's beats carry: 0, 8 (a dataset file of format 2) or all 11. */
    public int rrWidth() {
        return Math.min(train.rrWidth(), Math.min(valid.rrWidth(), test.rrWidth()));
    }

    /** Beats per class of each split, for {@code data stats}. */
    public Map<Split, int[]> classCounts() {
        Map<Split, int[]> m = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            m.put(s, split(s).classCounts());
        }
        return m;
    }

    /**
     * Balances the train split with {@code method}, drawing from {@code seed}; validation and
     * test are untouched. A dataset is balanced at most once: balancing synthetic or copied
     * beats again would hide what the training data really is.
     */
    public BeatDataset balanced(BalanceMethod method, long seed) {
        if (provenance.balancing() != null) {
            throw new BadInputException("the dataset's train split is already balanced ("
                    + provenance.balancing().method().id() + ", seed " + provenance.balancing().seed()
                    + "); balance the unbalanced dataset instead");
        }
        BeatTable balanced = method.balancer().balance(train, Seeds.random(seed, "balance-" + method.id()));
        Balancing b = new Balancing(method, seed, train.classCounts(), balanced.classCounts());
        return new BeatDataset(provenance.withBalancing(b), balanced, valid, test);
    }
}
