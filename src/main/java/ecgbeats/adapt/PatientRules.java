package ecgbeats.adapt;

import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.Recording;

import java.util.function.UnaryOperator;

/**
 * The rules a labelled adaptation's calls go through, as the patient's labelled beats decided them:
 * the S floor (a prior: a patient whose labels sample the recording without an S beat has few),
 * then the fibrillation rule the command was given, then the early rule (rhythm). Either decision
 * may be null: that rule is off.
 *
 * @param floor the S floor's decision, or null
 * @param early the early rule's decision, or null
 */
public record PatientRules(SFloorDecision floor, EarlyRuleDecision early) {

    /** No rule: the calls as the fibrillation rule leaves them. */
    public static final PatientRules NONE = new PatientRules(null, null);

    /** The decisions {@code settings} make for the patient of {@code recording} whose labelled beats are {@code labels} (null: none). */
    public static PatientRules of(AdaptSettings settings, Recording recording, PatientLabels labels) {
        if (labels == null) {
            return NONE;
        }
        return new PatientRules(
                settings.sFloorRule() == null ? null : SFloorDecision.of(settings.sFloorRule(), recording, labels),
                settings.timingRule() == null ? null : EarlyRuleDecision.of(settings.timingRule(), recording, labels));
    }

    /**
     * The calls after each rule in turn, for a report that says what each one changed.
     *
     * @param floored after the S floor (the network's calls where it does not hold)
     * @param afterAf then after the fibrillation rule
     * @param calls   then after the early rule: the calls
     */
    public record Stages(ClassifiedRecording floored, ClassifiedRecording afterAf, ClassifiedRecording calls) {
    }

    /** The calls of {@code network} after the S floor, {@code afRule} and the early rule, each stage kept. */
    public Stages stages(ClassifiedRecording network, UnaryOperator<ClassifiedRecording> afRule) {
        ClassifiedRecording floored = floor == null ? network : floor.apply(network);
        ClassifiedRecording afterAf = afRule.apply(floored);
        return new Stages(floored, afterAf, early == null ? afterAf : early.apply(afterAf));
    }

    /** The calls of {@code network} after the S floor, {@code afRule} and the early rule. */
    public ClassifiedRecording apply(ClassifiedRecording network, UnaryOperator<ClassifiedRecording> afRule) {
        return stages(network, afRule).calls();
    }
}
