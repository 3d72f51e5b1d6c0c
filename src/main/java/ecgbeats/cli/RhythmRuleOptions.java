package ecgbeats.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.EarlyRule;
import ecgbeats.train.FibrillationRule;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Option;

import java.util.function.UnaryOperator;

/**
 * {@code --af-rule[=T]} and {@code --early-rule[=P]}: S calls the recording's rhythm contradicts
 * become N ({@link FibrillationRule}, {@link EarlyRule}).
 */
final class RhythmRuleOptions {

    /** The options' names, for the modes that refuse them. */
    static final String[] NAMES = {"--af-rule", "--early-rule"};

    @Option(names = "--af-rule", arity = "0..1", fallbackValue = FibrillationRule.CHOSEN, paramLabel = "T",
            description = "With a recording: S calls in an irregularly irregular rhythm (atrial fibrillation, flutter "
                    + "with varying block: irregularity over 80 intervals at least T) become N, as MIT-BIH labels such "
                    + "beats. T: " + FibrillationRule.CHOSEN + " when not given (chosen on DS1; docs/reference.md §1).")
    Double threshold;

    @Option(names = "--early-rule", arity = "0..1", fallbackValue = EarlyRule.CHOSEN, paramLabel = "P",
            description = "With a recording: S calls that did not come early (pre-RR at least P of the median of the "
                    + "10 intervals around the beat) in a rhythm slower than 100 a minute become N. P: "
                    + EarlyRule.CHOSEN + " when not given (chosen on DS1 with --af-rule; docs/reference.md §1).")
    Double share;

    /** What the options do to a classified recording: the rules asked for, in turn, or nothing. */
    UnaryOperator<ClassifiedRecording> applied() {
        FibrillationRule fibrillation = fibrillationRule();
        EarlyRule early = earlyRule();
        return c -> {
            ClassifiedRecording out = fibrillation == null ? c : fibrillation.apply(c);
            return early == null ? out : early.apply(out);
        };
    }

    /** Writes the rules into a JSON result: {@code af_rule} and {@code early_rule}, null when not asked for. */
    void putInto(ObjectNode root) {
        FibrillationRule fibrillation = fibrillationRule();
        EarlyRule early = earlyRule();
        if (fibrillation == null) {
            root.putNull("af_rule");
        } else {
            root.put("af_rule", fibrillation.threshold());
        }
        if (early == null) {
            root.putNull("early_rule");
        } else {
            root.put("early_rule", early.share());
        }
    }

    private FibrillationRule fibrillationRule() {
        try {
            return threshold == null ? null : new FibrillationRule(threshold);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--af-rule " + threshold + ": " + e.getMessage());
        }
    }

    private EarlyRule earlyRule() {
        try {
            return share == null ? null : new EarlyRule(share);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--early-rule " + share + ": " + e.getMessage());
        }
    }
}
