package ecgbeats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.util.AtomicFile;
import ecgbeats.tune.ProcessTrialRunner;
import ecgbeats.tune.TrialTask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a trial for the {@code trial} command in a folder of its own under {@code work}:
 * trial.json (the study's job, the trial's parameters and seed, where to write checkpoints),
 * the checkpoint to go on from, and the command line. Reads back the finished run's files.
 */
final class TrialLauncher implements ProcessTrialRunner.Launcher {

    /** The files of a finished trial that go back to the study. */
    static final List<String> RESULT_FILES = List.of("run/config.json", "run/history.csv", "run/model.params",
            "log.txt");

    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    private final StudyJob job;
    private final Path data;
    private final Path work;

    /** @param data the dataset file on this machine (the job's own path unless told otherwise) */
    TrialLauncher(StudyJob job, Path data, Path work) {
        this.job = job;
        this.data = data;
        this.work = work;
    }

    Path folder(int trial) {
        return work.resolve(String.format("%04d", trial));
    }

    @Override
    public ProcessTrialRunner.Launch prepare(TrialTask task) throws IOException {
        Path dir = folder(task.number());
        AtomicFile.deleteTree(dir);
        Files.createDirectories(dir);
        Path checkpoint = dir.resolve("checkpoint.ckpt");
        ObjectNode spec = JSON.createObjectNode();
        spec.put("data", data.toAbsolutePath().toString()).put("model", job.model())
                .put("out", dir.resolve("run").toAbsolutePath().toString())
                .put("checkpoint_out", checkpoint.toAbsolutePath().toString());
        if (task.checkpoint() != null) {
            Path in = dir.resolve("resume.ckpt");
            AtomicFile.write(in, o -> o.write(task.checkpoint()));
            spec.put("checkpoint_in", in.toAbsolutePath().toString());
        }
        spec.set("params", JSON.valueToTree(task.params()));
        spec.putObject("training").put("epochs", job.epochs()).put("fraction", job.fraction())
                .put("objective", job.objective()).put("seed", task.seed());
        Path specFile = dir.resolve("trial.json");
        AtomicFile.writeString(specFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
        return new ProcessTrialRunner.Launch(JavaCommand.of("4g", "trial", "--spec", specFile.toString()),
                dir.resolve("log.txt"), checkpoint);
    }

    /** The finished run's files, by their names under the trial folder. */
    Map<String, byte[]> results(int trial) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : RESULT_FILES) {
            Path f = folder(trial).resolve(name);
            if (Files.exists(f)) {
                files.put(name, Files.readAllBytes(f));
            }
        }
        AtomicFile.deleteTree(folder(trial));
        return files;
    }
}
