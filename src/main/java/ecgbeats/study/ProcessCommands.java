package ecgbeats.study;

import java.nio.file.Path;
import java.util.List;

/**
 * The command lines of the processes a study starts, as the front end that runs the study spells
 * them: the study machinery knows what it starts, not how a command line names it.
 */
public interface ProcessCommands {

    /** A trial's process, running the {@link TrialSpec} in {@code spec} ({@link TrialExecution}). */
    List<String> trial(Path spec);

    /** A local worker, serving study {@code cluster} at {@code address} under {@code name}. */
    List<String> worker(String address, String cluster, String name, int threads);
}
