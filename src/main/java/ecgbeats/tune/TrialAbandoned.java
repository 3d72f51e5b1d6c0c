package ecgbeats.tune;

/**
 * Thrown by a {@link TrialRunner} that gives a trial up without a result through no fault of
 * the trial (its study is stopping). The study records nothing for it: the trial stays RUNNING
 * with its last checkpoint, and a resumed study goes on with it.
 */
public final class TrialAbandoned extends Exception {

    public TrialAbandoned(String message) {
        super(message);
    }
}
