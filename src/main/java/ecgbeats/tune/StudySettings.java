package ecgbeats.tune;

import java.time.Duration;

/**
 * A study's budget and identity.
 *
 * @param trials      how many trials to create at most
 * @param seed        the study's seed; trial k's seed and suggestion stream derive from it
 * @param timeBudget  no new trial starts after this much wall time (null: no limit)
 * @param objective   the name of the maximised validation metric, for reports
 * @param fingerprint what the study is about (data checksum, model, space, search, scheduler);
 *                    a resume must match it
 */
public record StudySettings(int trials, long seed, Duration timeBudget, String objective, String fingerprint) {
}
