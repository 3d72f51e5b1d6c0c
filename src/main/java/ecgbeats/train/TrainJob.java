package ecgbeats.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.data.AtomicFile;
import ecgbeats.data.BadInputException;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.balance.BalanceMethod;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Trains one run from a dataset file into a run folder. The folder is assembled under a
 * temporary name and renamed when complete, so an interrupted run never leaves a folder that
 * looks finished. The test split is evaluated once, at the end, only when asked.
 */
public final class TrainJob {

    /** What a finished job produced. */
    public record Outcome(RunDirectory run, TrainingResult training, Metrics test, long parameters) {
    }

    private final Path dataFile;
    private final RunConfig config;
    private final Path out;
    private final boolean evaluateTest;

    public TrainJob(Path dataFile, RunConfig config, Path out, boolean evaluateTest) {
        this.dataFile = dataFile;
        this.config = config;
        this.out = out;
        this.evaluateTest = evaluateTest;
    }

    public Outcome run(EpochListener listener, PrintStream log) throws IOException {
        return run(listener, log, null, null);
    }

    /**
     * Runs the job, going on from {@code resume} when not null and handing {@code sink} a
     * checkpoint after every epoch when not null (see {@link Training#run(Network, BeatTable,
     * BeatTable, Checkpoint, Training.CheckpointSink)}).
     */
    public Outcome run(EpochListener listener, PrintStream log, Checkpoint resume, Training.CheckpointSink sink)
            throws IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new BadInputException("--out " + out + ": already exists and is not empty (runs are never overwritten)");
        }
        BeatDataset data = DatasetFile.read(dataFile);
        if (data.provenance().balancing() != null && config.training().balance() != BalanceMethod.NONE) {
            throw new BadInputException(dataFile + ": its train split is already balanced ("
                    + data.provenance().balancing().method().id() + "); train it with balance=none");
        }
        String sha = DatasetFile.sha256(dataFile);
        BeatTable train = Training.prepare(data.train(), config.training());
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".partial");
        AtomicFile.deleteTree(tmp);
        Files.createDirectories(tmp);
        RunDirectory dir = new RunDirectory(tmp);
        try (Network net = Network.create(config.model(), config.training().seed())) {
            log.printf("%s: %,d parameters; %,d train beats (%s), %,d valid beats; seed %d%n",
                    config.model().architecture().id(), net.parameterCount(), train.size(),
                    config.training().balance().id() + (config.training().classWeights() ? ", class weights" : ""),
                    data.valid().size(), config.training().seed());
            if (resume != null) {
                log.printf("going on from the checkpoint after epoch %d%n", resume.epoch());
            }
            TrainingResult result = new Training(config.training(), listener).run(net, train, data.valid(), resume,
                    sink);
            ObjectNode cfg = RunDirectory.config(config, net.parameterCount(), dataFile, sha, data,
                    train.classCounts(), result.classWeights());
            cfg.put("best_epoch", result.bestEpoch());
            cfg.put("stop", result.stop().name().toLowerCase(java.util.Locale.ROOT));
            cfg.put("train_seconds", Math.round(result.seconds() * 10) / 10.0);
            dir.writeConfig(cfg);
            dir.writeHistory(result.history());
            net.save(dir.params());
            Metrics test = null;
            if (evaluateTest) {
                Evaluation e = Evaluation.of(net, data.test(), "test");
                e.writeTo(dir);
                test = e.metrics();
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            if (Files.exists(out)) {
                Files.delete(out); // an empty folder the user made
            }
            AtomicFile.moveIntoPlace(tmp, out);
            return new Outcome(new RunDirectory(out), result, test, net.parameterCount());
        } catch (IOException | RuntimeException e) {
            AtomicFile.deleteTree(tmp);
            throw e;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

}
