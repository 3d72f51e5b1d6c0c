package ecgbeats.adapt;

import ecgbeats.train.RunDirectory;
import ecgbeats.util.BadInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each of many recordings is adapted to and judged, as {@code evaluate --adapt} names it:
 * {@code 5m} (AAMI's patient-specific protocol: the first minutes labelled, the rest judged),
 * {@code ask:40} (40 beats chosen over the whole recording labelled, every other beat judged) or
 * {@code unsupervised} and its named methods (no labels, the whole recording judged; transductive).
 */
public sealed interface AdaptProtocol {

    /** The grammar, for messages and help. */
    String GRAMMAR = "the labelled minutes (e.g. 5m), ask:N[:unsure|calls|spread] (N beats ecgbeats asks about), "
            + "unsupervised, or an unsupervised method (batch-norm, self-training, clusters)";

    /** Each recording's first {@code minutes} labelled. */
    record FirstMinutes(double minutes) implements AdaptProtocol {
        @Override
        public AdaptMethod method() {
            return AdaptMethod.FINE_TUNE;
        }

        @Override
        public String description() {
            return "patient-specific: each record adapted on its first " + LabelSource.minutes(minutes)
                    + " labelled minutes, judged on the rest";
        }

        @Override
        public RecordAdapter adapter(Path run, AdaptSettings settings) {
            return RecordAdapter.firstMinutes(PatientAdapter.of(run, settings), minutes);
        }
    }

    /** {@code beats} beats of each recording labelled, chosen by {@code strategy}. */
    record Asked(int beats, BeatQuestions.Strategy strategy) implements AdaptProtocol {
        @Override
        public AdaptMethod method() {
            return AdaptMethod.FINE_TUNE;
        }

        @Override
        public String description() {
            return "patient-specific: each record adapted on " + beats + " beats chosen over the whole record ("
                    + strategy.id() + ") and labelled, judged on every other beat";
        }

        @Override
        public RecordAdapter adapter(Path run, AdaptSettings settings) {
            return RecordAdapter.asked(PatientAdapter.of(run, settings), beats, strategy);
        }
    }

    /** No labels: {@code method} on each recording's own beats. */
    record Unsupervised(AdaptMethod method) implements AdaptProtocol {
        @Override
        public String description() {
            return "unsupervised (" + method.id() + "): each record adapted on its own unlabelled beats and judged "
                    + "whole; transductive";
        }

        @Override
        public RecordAdapter adapter(Path run, AdaptSettings settings) {
            PatientAdapter tuner = method == AdaptMethod.SELF_TRAINING ? PatientAdapter.of(run, settings) : null;
            return RecordAdapter.unsupervised(new RunDirectory(run), method, tuner);
        }
    }

    /** The adaptation method the protocol uses. */
    AdaptMethod method();

    /** One line saying what is labelled and what is judged. */
    String description();

    /** An adapter of the run in {@code run} to each recording. */
    RecordAdapter adapter(Path run, AdaptSettings settings);

    /** Whether the method takes settings ({@code --adapt-set}). */
    default boolean hasSettings() {
        return method() == AdaptMethod.FINE_TUNE || method() == AdaptMethod.SELF_TRAINING;
    }

    /** The runs, each adapted, classifying as one ({@link RecordAdapter#ensemble}). */
    default RecordAdapter adapter(List<Path> runs, AdaptSettings settings) {
        return RecordAdapter.ensemble(runs.stream().map(r -> adapter(r, settings)).toList());
    }

    /**
     * The protocol {@code text} names.
     *
     * @throws BadInputException about {@link BadInputException.Subject#ADAPTATION} when it names none
     */
    static AdaptProtocol parse(String text) {
        Matcher minutes = Pattern.compile("(\\d+(?:\\.\\d+)?)m").matcher(text);
        if (minutes.matches() && Double.parseDouble(minutes.group(1)) > 0) {
            return new FirstMinutes(Double.parseDouble(minutes.group(1)));
        }
        Matcher asked = Pattern.compile("ask:(\\d{1,6})(?::([a-z]+))?").matcher(text);
        if (asked.matches() && Integer.parseInt(asked.group(1)) > 0) {
            BeatQuestions.Strategy s = asked.group(2) == null ? BeatQuestions.DEFAULT
                    : BeatQuestions.Strategy.of(asked.group(2));
            if (s != null) {
                return new Asked(Integer.parseInt(asked.group(1)), s);
            }
        }
        AdaptMethod m = text.equals("unsupervised") ? UnsupervisedAdaptation.DEFAULT : AdaptMethod.of(text);
        if (m == null || !m.transductive()) {
            throw BadInputException.about(BadInputException.Subject.ADAPTATION, text, "expected " + GRAMMAR);
        }
        return new Unsupervised(m);
    }
}
