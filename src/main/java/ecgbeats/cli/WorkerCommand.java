package ecgbeats.cli;

import ecgbeats.study.StudyJob;
import ecgbeats.study.TrialLauncher;

import ecgbeats.cluster.Worker;
import ecgbeats.cluster.WorkerBackend;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.data.DatasetFile;
import ecgbeats.tune.ProcessTrialRunner;
import ecgbeats.tune.TrialTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code worker}: serves a study's trials from this machine. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a study's coordinator and run its trials here, one at a time, each in its own process. "
                + "Leaves when the study is over or its coordinator is gone.")
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--join", required = true, paramLabel = "HOST:PORT", description = "The coordinator's address, "
            + "as tune prints it.")
    String join;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study's cluster name, as "
            + "tune prints it.")
    String study;

    @Option(names = "--data", paramLabel = "FILE", description = "The study's dataset file on this machine "
            + "(default: the coordinator's path); its checksum must match.")
    Path data;

    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name in the journal (default: "
            + "host-pid).")
    String name;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder for running trials (default: a new "
            + "temporary folder).")
    Path work;

    // the same name as tune's setting for its local workers; --threads is the older spelling
    @Option(names = {"--worker-threads", "--threads"}, defaultValue = "0", paramLabel = "N",
            description = "PyTorch threads per trial (0: PyTorch's default). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--connect-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long to try to reach, or reach again, the coordinator. Default: ${DEFAULT-VALUE}.")
    int connectTimeout;

    private Path scratch;

    @Override
    public Integer call() throws Exception {
        try {
            ecgbeats.util.HostPort.parse(join);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--join " + e.getMessage());
        }
        if (threads < 0 || connectTimeout < 1) {
            throw new BadInputException("--threads must be 0 or more and --connect-timeout at least 1");
        }
        String me = name != null ? name : hostName() + "-" + ProcessHandle.current().pid();
        scratch = work != null ? Files.createDirectories(work) : Files.createTempDirectory("ecgbeats-worker-");
        Worker.Exit exit;
        try {
            exit = new Worker(study, join, connectTimeout * 1000L, me, System.out).serve(this::backend);
        } catch (Worker.Unreachable e) {
            throw new BadInputException("--join " + join + ": no study " + study + " answers there");
        } finally {
            if (work == null) {
                AtomicFile.deleteTree(scratch);
            }
        }
        if (exit == Worker.Exit.COORDINATOR_GONE) {
            spec.commandLine().getErr().println("ecgbeats: the study's coordinator at " + join
                    + " is gone; this worker leaves");
            return CommandLines.FAILURE;
        }
        return 0;
    }

    private WorkerBackend backend(String jobJson) {
        StudyJob job = StudyJob.fromJson(jobJson);
        Path file = data != null ? data : Path.of(job.data());
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("the study's dataset " + file + " is not on this machine (pass --data FILE)");
        }
        String sha;
        try {
            sha = DatasetFile.sha256(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read it: " + e.getMessage());
        }
        if (!sha.equals(job.dataSha256())) {
            throw new BadInputException(file + ": not the study's dataset (SHA-256 " + sha + ", the study's is "
                    + job.dataSha256() + ")");
        }
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        TrialLauncher launcher = new TrialLauncher(job, file, scratch, new StudyProcesses());
        ProcessTrialRunner runner = new ProcessTrialRunner(launcher);
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        return new WorkerBackend() {
            @Override
            public Map<String, Double> run(TrialTask task, EpochReporter reporter) throws Exception {
                return runner.run(task, reporter);
            }

            @Override
            public Map<String, byte[]> results(int trial) throws IOException {
                return launcher.results(trial);
            }
        };
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "worker";
        }
    }
}
