package ecgbeats.tune;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Independent draws from the prior. */
public final class RandomSampler implements Sampler {

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, List<Trial> trials, SplittableRandom random) {
        return Optional.of(space.sample(random));
    }
}
