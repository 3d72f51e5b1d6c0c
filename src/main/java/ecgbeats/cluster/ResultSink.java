package ecgbeats.cluster;

import java.io.IOException;
import java.util.Map;

/** Keeps the files of a trial's finished run, which a worker sent from wherever it ran. */
@FunctionalInterface
public interface ResultSink {

    /** Stores {@code files} (name → content) as trial {@code trial}'s run; replaces an earlier one. */
    void save(int trial, Map<String, byte[]> files) throws IOException;
}
