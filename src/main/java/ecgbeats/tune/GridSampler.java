package ecgbeats.tune;

import ecgbeats.util.BadInputException;
import ecgbeats.util.Seeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Every combination of a choice-only space, once each, in a seeded random order (so a study
 * cut short by its budget still covers the grid evenly). Trial k gets combination k.
 */
public final class GridSampler implements Sampler {

    @Override
    public void check(SearchSpace space) {
        for (Map.Entry<String, Domain> e : space.domains().entrySet()) {
            if (!(e.getValue() instanceof Domain.Choice)) {
                throw new BadInputException("grid search needs a space of choices only, and '" + e.getKey()
                        + "' is not a choice");
            }
        }
    }

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, List<Trial> trials, SplittableRandom random) {
        check(space);
        List<String> names = new ArrayList<>(space.domains().keySet());
        long size = 1;
        for (Domain d : space.domains().values()) {
            size *= ((Domain.Choice) d).values().size();
        }
        int k = trials.size();
        if (k >= size) {
            return Optional.empty();
        }
        // the permutation comes from a fixed stream, not from `random`, so trial k's point never depends on history
        int[] order = Seeds.permutation((int) size, new SplittableRandom(0x6772696420L));
        long index = order[k];
        Map<String, Object> c = new LinkedHashMap<>();
        for (String name : names) {
            Domain.Choice d = (Domain.Choice) space.domains().get(name);
            int n = d.values().size();
            c.put(name, d.values().get((int) (index % n)));
            index /= n;
        }
        return Optional.of(c);
    }
}
