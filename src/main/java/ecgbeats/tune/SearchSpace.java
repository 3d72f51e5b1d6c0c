package ecgbeats.tune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Hyperparameters and their domains, in a fixed order. Immutable. */
public record SearchSpace(Map<String, Domain> domains) {

    public SearchSpace {
        domains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    }

    /** A configuration drawn from the prior. */
    public Map<String, Object> sample(SplittableRandom random) {
        Map<String, Object> c = new LinkedHashMap<>();
        domains.forEach((name, d) -> c.put(name, d.sample(random)));
        return c;
    }

    /** Whether every domain is a choice (what grid search needs). */
    public boolean isFinite() {
        return domains.values().stream().allMatch(d -> d instanceof Domain.Choice);
    }
}
