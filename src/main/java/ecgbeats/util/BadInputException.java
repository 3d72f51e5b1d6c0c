package ecgbeats.util;

import java.nio.file.Path;

/**
 * Input a user supplied is wrong: a missing, truncated or corrupt file, an unknown record, a
 * malformed option value. The command line prints only the message (exit code 2), so the
 * message names the file or argument and says what is wrong with it.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with a file: the message starts with its path. */
    public static BadInputException inFile(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }
}
