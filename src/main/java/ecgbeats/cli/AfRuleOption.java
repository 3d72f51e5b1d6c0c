package ecgbeats.cli;

import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.FibrillationRule;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Option;

import java.util.function.UnaryOperator;

/**
 * {@code --af-rule[=T|off]}: S calls in an irregularly irregular rhythm become N
 * ({@link FibrillationRule}). On by default at the chosen threshold: it raised S +P in every
 * protocol on DS1 and on DS2 (docs/results.md, "A seventh look"); {@code off} gives the network's
 * calls as they are.
 */
final class AfRuleOption {
    static final String OFF = "off";

    @Option(names = "--af-rule", arity = "0..1", defaultValue = FibrillationRule.CHOSEN,
            fallbackValue = FibrillationRule.CHOSEN, paramLabel = "T|off",
            description = "With a recording: S calls in an irregularly irregular rhythm (atrial fibrillation, flutter "
                    + "with varying block: irregularity over 80 intervals at least T) become N, as MIT-BIH labels such "
                    + "beats. Default: ${DEFAULT-VALUE} (chosen on DS1; docs/reference.md §1); " + OFF
                    + ": the network's calls as they are.")
    String value;

    /** The rule, or null when turned off. */
    FibrillationRule rule() {
        if (value == null || value.equalsIgnoreCase(OFF)) {
            return null;
        }
        try {
            return new FibrillationRule(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new BadInputException("--af-rule " + value + ": a threshold (e.g. " + FibrillationRule.CHOSEN
                    + ") or " + OFF);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--af-rule " + value + ": " + e.getMessage());
        }
    }

    /** What the option does to a classified recording: the rule, or nothing. */
    UnaryOperator<ClassifiedRecording> applied() {
        FibrillationRule rule = rule();
        return rule == null ? UnaryOperator.identity() : rule::apply;
    }
}
