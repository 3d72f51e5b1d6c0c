package ecgbeats.cli;

import picocli.CommandLine.Command;

/** The {@code ecgbeats} command: lists the subcommands. */
@Command(name = "ecgbeats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train, tune and use ECG heartbeat classifiers (MIT-BIH, AAMI classes N, S, V, F, Q).",
        subcommands = {QuickstartCommand.class, DataCommand.class, TrainCommand.class, CrossvalCommand.class,
                AdaptCommand.class, PackCommand.class,
                EvaluateCommand.class,
                PredictCommand.class, TuneCommand.class, TrialCommand.class, WorkerCommand.class, BenchCommand.class,
                TuneBenchCommand.class, ClusterBenchCommand.class, DetectBenchCommand.class, ReportCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(CommandLines.create().execute(args));
    }

    /** Without a subcommand: the usage on stderr, and the exit code of bad usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLines.BAD_INPUT;
    }
}
