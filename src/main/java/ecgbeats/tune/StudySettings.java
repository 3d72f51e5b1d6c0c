package ecgbeats.tune;

import java.time.Duration;

/**
 * A study's budget and identity.
 *
 * @param trials     how many trials to create at most
 * @param seed       the study's seed; trial k's seed and suggestion stream derive from it
 * @param timeBudget no new trial starts after this much wall time (null: no limit)
 * @param objective  the name of the maximised validation metric, for reports
 * @param identity   what the study is about, by name (data checksum, model, each hyperparameter's
 *                   domain, search, scheduler, epochs, ...); a resume must match it, and a refused
 *                   resume names what differs
 */
public record StudySettings(int trials, long seed, Duration timeBudget, String objective,
                            java.util.SortedMap<String, String> identity) {

    public StudySettings {
        identity = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(identity));
    }

    /** The identity of a study over {@code space}: {@code settings} plus {@code space.NAME} for each domain. */
    public static java.util.SortedMap<String, String> identity(java.util.Map<String, String> settings, SearchSpace space) {
        java.util.SortedMap<String, String> m = new java.util.TreeMap<>(settings);
        space.domains().forEach((name, d) -> m.put("space." + name, d.describe()));
        return m;
    }

    /** The identity as one canonical line (sorted keys): the journal stores it, the cluster's name hashes it. */
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        identity.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** What differs between the identity {@code recorded} and this one, as {@code name: was → now}. */
    public java.util.List<String> differences(java.util.Map<String, String> recorded) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>(recorded.keySet());
        keys.addAll(identity.keySet());
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String k : keys) {
            String was = recorded.get(k);
            String now = identity.get(k);
            if (!java.util.Objects.equals(was, now)) {
                out.add(k + ": " + (was == null ? "(none)" : was) + " → " + (now == null ? "(none)" : now));
            }
        }
        return out;
    }
}
