package ecgbeats.study;

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
 * Prepares a trial for the front end's {@code trial} command in a folder of its own under
 * {@code work}: trial.json ({@link TrialSpec}), the checkpoint to go on from, and the command
 * line. Reads back the finished run's files.
 */
public final class TrialLauncher implements ProcessTrialRunner.Launcher {

    /** The files of a finished trial that go back to the study. */
    public static final List<String> RESULT_FILES = List.of("run/config.json", "run/history.csv", "run/model.params",
            "log.txt");

    private final StudyJob job;
    private final Path data;
    private final Path work;
    private final ProcessCommands commands;

    /**
     * @param data the dataset file on this machine (the job's own path unless told otherwise)
     * @param commands how to start the trial's process
     */
    public TrialLauncher(StudyJob job, Path data, Path work, ProcessCommands commands) {
        this.job = job;
        this.data = data;
        this.work = work;
        this.commands = commands;
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
        String in = null;
        if (task.checkpoint() != null) {
            Path resume = dir.resolve("resume.ckpt");
            AtomicFile.write(resume, o -> o.write(task.checkpoint()));
            in = resume.toAbsolutePath().toString();
        }
        Path specFile = dir.resolve("trial.json");
        new TrialSpec(data.toAbsolutePath().toString(), job.model(), dir.resolve("run").toAbsolutePath().toString(),
                checkpoint.toAbsolutePath().toString(), in, task.params(), job.epochs(), job.fraction(),
                job.objective(), task.seed()).write(specFile);
        return new ProcessTrialRunner.Launch(commands.trial(specFile), dir.resolve("log.txt"), checkpoint);
    }

    /** The finished run's files, by their names under the trial folder. */
    public Map<String, byte[]> results(int trial) throws IOException {
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
