package ecgbeats.adapt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * What made an adapted run, as its config.json records it under {@code adaptation}: the base run,
 * the recording, the labels and their SHA-256, the method and its settings, the seed.
 *
 * @param baseRun            the run adapted (its folder)
 * @param baseParamsSha256   the SHA-256 of the base run's model.params
 * @param record             the recording (its path without extension)
 * @param method             how it was adapted
 * @param transductive       whether the recording's own unlabelled beats were learnt from
 * @param labels             the labels used, or null for a method that uses none
 * @param settings           the method's settings by name
 * @param seed               the adaptation's seed
 * @param detected           whether the recording's beats were the QRS detector's
 * @param seconds            wall time of the adaptation
 * @param afRule             the fibrillation rule's threshold on the calls judged, or null without the rule
 * @param earlyRule          whether the early rule holds for this patient, or null without the rule
 * @param sFloor             whether the S floor holds for this patient, or null without it
 */
@JsonPropertyOrder({"base_run", "base_params_sha256", "record", "method", "transductive", "labels", "settings", "seed",
    "detected", "seconds", "af_rule", "early_rule", "s_floor"})
public record Adaptation(@JsonProperty("base_run") String baseRun,
                         @JsonProperty("base_params_sha256") String baseParamsSha256,
                         String record, String method, boolean transductive,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Labels labels,
                         Map<String, Object> settings, long seed, boolean detected, double seconds,
                         @JsonProperty("af_rule") Double afRule,
                         @JsonProperty("early_rule") @JsonInclude(JsonInclude.Include.NON_NULL)
                         EarlyRuleDecision earlyRule,
                         @JsonProperty("s_floor") @JsonInclude(JsonInclude.Include.NON_NULL)
                         SFloorDecision sFloor) {

    /**
     * The labels a person gave.
     *
     * @param source     "first_minutes" or "file"
     * @param minutes    the labelled span from the start, for first_minutes
     * @param file       the annotation file read
     * @param sha256     its SHA-256
     * @param untilSample no beat at or after this sample index was labelled
     * @param beats      labelled beats per class
     * @param unmatched  labels that fell on no beat of the recording
     */
    @JsonPropertyOrder({"source", "minutes", "file", "sha256", "until_sample", "beats", "unmatched"})
    public record Labels(String source, @JsonInclude(JsonInclude.Include.NON_NULL) Double minutes, String file,
                         String sha256, @JsonProperty("until_sample") long untilSample, Map<String, Integer> beats,
                         int unmatched) {
    }
}
