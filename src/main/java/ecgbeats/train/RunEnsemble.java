package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.ExtractionSettings;
import ecgbeats.util.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Trained runs loaded to classify as one ({@link Ensemble}: the mean of their class
 * probabilities); one run is itself. Recordings are cut once for all of them, so every member
 * must have been trained on beats cut the same way. Close it to free the members' native memory.
 */
public final class RunEnsemble implements AutoCloseable {

    private final List<RunDirectory> runs;
    private final List<Network> members;

    private RunEnsemble(List<RunDirectory> runs, List<Network> members) {
        this.runs = runs;
        this.members = members;
    }

    /**
     * Loads the runs' networks (a cross-validation's folder: its fold runs, {@link RunDirectory#expand});
     * a folder that is not a finished run is a {@link BadInputException}.
     */
    public static RunEnsemble load(List<Path> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one run");
        }
        List<RunDirectory> runs = RunDirectory.expand(folders).stream().map(RunDirectory::new).toList();
        List<Network> members = new ArrayList<>();
        try {
            for (RunDirectory run : runs) {
                members.add(run.loadNetwork());
            }
        } catch (RuntimeException e) {
            members.forEach(Network::close);
            throw e;
        }
        return new RunEnsemble(runs, List.copyOf(members));
    }

    public List<Network> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    /** What classifies, for reports: "the run DIR", or "the ensemble of the runs DIR, DIR, ...". */
    public String describe() {
        String dirs = runs.stream().map(r -> r.dir().toString()).collect(Collectors.joining(", "));
        return runs.size() == 1 ? "the run " + dirs : "the ensemble of the runs " + dirs
                + " (the mean of their class probabilities)";
    }

    /** The first member that compares each beat with its record's median beat, or null. */
    public Network withTemplate() {
        return members.stream().filter(n -> n.spec().template().usesRecord()).findFirst().orElse(null);
    }

    /** Log-probabilities (n × 5, row-major) of {@code beats}, the members' probabilities averaged. */
    public float[] logProbabilities(BeatTable beats) {
        return Ensemble.logProbabilities(members, beats);
    }

    /**
     * The recording at {@code base} cut as every member's training beats were
     * ({@link RunDirectory#recordingCut()}); members that cut beats differently cannot vote on the same beats.
     */
    public Recording cut(Path base, boolean detect) {
        ExtractionSettings first = runs.get(0).recordingCut();
        for (RunDirectory run : runs.subList(1, runs.size())) {
            ExtractionSettings own = run.recordingCut();
            if (!own.equals(first)) {
                throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, run.dir(),
                        "its beats were cut otherwise than those of " + runs.get(0).dir() + " (" + own + " against "
                        + first + "); an ensemble classifies one set of beats");
            }
        }
        return Recording.cut(base, first, detect);
    }

    /** Every beat of {@code recording} classified by the ensemble. */
    public ClassifiedRecording classify(Recording recording) {
        return ClassifiedRecording.of(members, recording);
    }

    @Override
    public void close() {
        members.forEach(Network::close);
    }
}
