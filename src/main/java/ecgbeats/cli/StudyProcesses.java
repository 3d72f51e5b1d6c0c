package ecgbeats.cli;

import ecgbeats.study.JavaCommand;
import ecgbeats.study.ProcessCommands;

import java.nio.file.Path;
import java.util.List;

/** How a study started from the command line starts its trial and worker processes: as ecgbeats subcommands. */
final class StudyProcesses implements ProcessCommands {

    private final JavaCommand java = new JavaCommand(Main.class.getName());

    @Override
    public List<String> trial(Path spec) {
        return java.of("4g", "trial", "--spec", spec.toString());
    }

    @Override
    public List<String> worker(String address, String cluster, String name, int threads) {
        return java.of("512m", "worker", "--join", address, "--study", cluster, "--name", name, "--worker-threads",
                Integer.toString(threads));
    }
}
