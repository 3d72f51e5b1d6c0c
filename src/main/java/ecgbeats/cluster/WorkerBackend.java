package ecgbeats.cluster;

import ecgbeats.tune.TrialRunner;

import java.io.IOException;
import java.util.Map;

/**
 * What a worker runs its trials with: a {@link TrialRunner} on this machine, and the files a
 * finished trial leaves, which go back to the coordinator with its result.
 */
public interface WorkerBackend extends TrialRunner {

    /** The files of trial {@code trial}'s finished run (name → content). */
    Map<String, byte[]> results(int trial) throws IOException;
}
