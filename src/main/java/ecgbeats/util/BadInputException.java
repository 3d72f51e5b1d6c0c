package ecgbeats.util;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Input a user supplied is wrong: a missing, truncated or corrupt file, an unknown record, a
 * malformed option value. The command line prints only the message (exit code 2), so the
 * message names the file or argument and says what is wrong with it.
 *
 * <p>The library speaks of what it was given, not of how: an error about one argument carries
 * its {@link Subject}, the value and the problem, and its message names the subject in words
 * ("source folder x: no such folder"). A front end that knows which of its options supplied
 * that subject rephrases it with {@link #phrasedAs} ("--source x: no such folder").
 */
public class BadInputException extends RuntimeException {

    /** What a bad argument was, in the library's terms. */
    public enum Subject {
        SOURCE_FOLDER("source folder"),
        RECORDS("records"),
        PROTOCOL("protocol"),
        VALIDATION_RECORDS("validation records"),
        TEST_FRACTION("test fraction"),
        VALIDATION_FRACTION("validation fraction"),
        SETTING("setting"),
        RUN_FOLDER("run folder"),
        NEW_STUDY_FOLDER("study folder"),
        STUDY_TO_RESUME("study folder"),
        SEARCH("search"),
        SCHEDULER("scheduler"),
        SEARCH_SPACE("search space"),
        TEST_FUNCTION("test function"),
        FOLDS("number of folds"),
        RECORDS_APART("records apart"),
        FOLD("fold"),
        RECIPE("recipe"),
        ADAPTATION("adaptation protocol");

        private final String words;

        Subject(String words) {
            this.words = words;
        }

        /** How the library's own messages name it. */
        public String words() {
            return words;
        }
    }

    private final Subject subject;
    private final String value;
    private final String problem;

    public BadInputException(String message) {
        this(message, (Throwable) null);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
        this.subject = null;
        this.value = null;
        this.problem = message;
    }

    private BadInputException(Subject subject, String value, String problem) {
        super(phrase(subject.words(), value, problem));
        this.subject = subject;
        this.value = value;
        this.problem = problem;
    }

    /** A problem with a file: the message starts with its path. */
    public static BadInputException inFile(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }

    /**
     * A problem with one argument: {@code value} is what was given (null when the problem is
     * about the subject as a whole), {@code problem} says what is wrong without naming how it
     * was given.
     */
    public static BadInputException about(Subject subject, Object value, String problem) {
        return new BadInputException(Objects.requireNonNull(subject),
                value == null ? null : String.valueOf(value), Objects.requireNonNull(problem));
    }

    /** The argument this is about; empty for a file's or a general problem. */
    public Optional<Subject> subject() {
        return Optional.ofNullable(subject);
    }

    /** The message with the subject named {@code name} (an option, say) instead of in words. */
    public String phrasedAs(String name) {
        return subject == null ? getMessage() : phrase(name, value, problem);
    }

    private static String phrase(String name, String value, String problem) {
        return name + (value == null ? "" : " " + value) + ": " + problem;
    }
}
