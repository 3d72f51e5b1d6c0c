package ecgbeats.tune;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Suggests the hyperparameters of the next trial.
 *
 * <p>Contract: a sampler sees only the space and immutable snapshots of every trial so far,
 * finished and running, in creation order; it keeps no state of its own beyond what it can
 * recompute from them, so a resumed study suggests exactly what it would have. It draws only
 * from {@code random}. Objectives are maximised. Trials that are still running must be taken
 * into account so that parallel suggestions do not pile onto one point. Not thread-safe: the
 * study calls it under its lock.
 */
public interface Sampler {

    /** The next configuration, or empty when the sampler has nothing left (an exhausted grid). */
    Optional<Map<String, Object>> suggest(SearchSpace space, List<Trial> trials, SplittableRandom random);

    /**
     * Refuses a space this sampler cannot search, before a study writes anything: a study checks
     * its sampler against its space when it is created or resumed.
     *
     * @throws ecgbeats.util.BadInputException naming what in the space does not fit
     */
    default void check(SearchSpace space) {
    }
}
