package ecgbeats.cli;

import picocli.CommandLine.Command;

/** {@code ecgbeats data}: building, inspecting and converting beat datasets. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Build, inspect, balance and convert beat datasets.",
        subcommands = {DataFetchCommand.class, DataBuildCommand.class, DataImportCsvCommand.class,
                DataStatsCommand.class, DataBalanceCommand.class, DataExportCsvCommand.class})
final class DataCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
