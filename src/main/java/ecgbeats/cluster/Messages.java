package ecgbeats.cluster;

/**
 * The only types that cross the cluster, all records sent with Hazelcast's Compact format
 * (no Java serialization; {@link ClusterConfigs} accepts nothing else). Maps travel as JSON
 * strings, since Compact has no map type.
 */
final class Messages {

    private Messages() {
    }

    /**
     * A worker asks for a trial: it is idle. An idle worker asks again now and then (a request
     * can be lost when its connection drops); {@code sequence} grows by one per trial it has
     * taken, so a repeated request is recognised and counted once.
     */
    record WorkRequest(String worker, String name, int sequence) {
    }

    /** The coordinator gives a worker a trial (or tells it to leave, with {@code trial} −1). */
    record Assignment(int trial, int attempt, String params, long seed, int fromEpoch, byte[] checkpoint) {
        static Assignment leave() {
            return new Assignment(-1, 0, "{}", 0, 0, null);
        }

        boolean isLeave() {
            return trial < 0;
        }
    }

    /** What a worker's report is about. */
    enum Kind { EPOCH, DONE, FAILED }

    /**
     * A worker's news of a trial attempt: an epoch (with its checkpoint), the end (with the
     * final metrics and the run's files) or a failure.
     */
    record Report(String worker, int trial, int attempt, Kind kind, int epoch, double value, String metrics,
                  byte[] checkpoint, FileBlob[] files, String error) {
    }

    /** The coordinator's answer to an epoch report. */
    record Verdict(int trial, int attempt, boolean stop) {
    }

    /** One file of a finished run. */
    record FileBlob(String name, byte[] content) {
    }
}
