package ecgbeats.adapt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.EarlyRule;
import ecgbeats.train.Recording;

/**
 * Whether the {@link EarlyRule} holds for one patient, decided from the patient's labelled beats:
 * it does unless one of them is an S beat that came on time (the patient's S beats are then, at
 * least in part, its rhythm, as MIT-BIH 232's are). Recorded in config.json under
 * {@code adaptation.early_rule}, so that the adapted run classifies as it was judged.
 *
 * @param share           the rule's share of the local interval
 * @param applies         whether the rule turns the adapted run's on-time S calls N
 * @param labelledS       labelled S beats
 * @param labelledSOnTime labelled S beats that came on time
 */
@JsonPropertyOrder({"share", "applies", "labelled_s", "labelled_s_on_time"})
public record EarlyRuleDecision(double share, boolean applies, @JsonProperty("labelled_s") int labelledS,
                                @JsonProperty("labelled_s_on_time") int labelledSOnTime) {

    public EarlyRuleDecision {
        if (applies != (labelledSOnTime == 0)) {
            throw new IllegalArgumentException("the rule applies exactly when no labelled S beat came on time");
        }
    }

    /** The decision for the patient of {@code recording}, whose labelled beats are {@code labels}. */
    public static EarlyRuleDecision of(EarlyRule rule, Recording recording, PatientLabels labels) {
        int onTime = rule.labelledSOnTime(recording.beats().positions(), recording.record().frequency(),
                labels.rows(), labels.labels());
        return new EarlyRuleDecision(rule.share(), onTime == 0, labels.classCounts()[AamiClass.S.label()], onTime);
    }

    /** {@code classified} with the rule applied, if it {@link #applies}. */
    public ClassifiedRecording apply(ClassifiedRecording classified) {
        return applies ? new EarlyRule(share).apply(classified) : classified;
    }
}
