package ecgbeats.cli;

import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.FibrillationRule;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Option;

import java.util.function.UnaryOperator;

/** {@code --af-rule[=T]}: S calls in an irregularly irregular rhythm become N ({@link FibrillationRule}). */
final class AfRuleOption {
    @Option(names = "--af-rule", arity = "0..1", fallbackValue = FibrillationRule.CHOSEN, paramLabel = "T",
            description = "With a recording: S calls in an irregularly irregular rhythm (atrial fibrillation, flutter "
                    + "with varying block: irregularity over 80 intervals at least T) become N, as MIT-BIH labels such "
                    + "beats. T: " + FibrillationRule.CHOSEN + " when not given (chosen on DS1; docs/reference.md §1).")
    Double threshold;

    /** The rule, or null when not asked for. */
    FibrillationRule rule() {
        if (threshold == null) {
            return null;
        }
        try {
            return new FibrillationRule(threshold);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--af-rule " + threshold + ": " + e.getMessage());
        }
    }

    /** What the option does to a classified recording: the rule, or nothing. */
    UnaryOperator<ClassifiedRecording> applied() {
        FibrillationRule rule = rule();
        return rule == null ? UnaryOperator.identity() : rule::apply;
    }
}
