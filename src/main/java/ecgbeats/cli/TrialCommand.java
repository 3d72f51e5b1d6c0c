package ecgbeats.cli;

import ecgbeats.study.TrialExecution;
import ecgbeats.study.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code trial} (internal): the worker side of one tuning trial ({@link TrialExecution}). Reads
 * trial.json, reports each epoch on stdout and waits for the study's decision on stdin.
 */
@Command(name = "trial", hidden = true, description = "Worker side of one tuning trial (started by tune).")
final class TrialCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE")
    Path spec;

    @Override
    public Integer call() throws Exception {
        BufferedReader decisions = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        TrialExecution.Outcome o = TrialExecution.run(TrialSpec.read(spec), decisions, System.out);
        if (o == TrialExecution.Outcome.ABANDONED) {
            System.err.println("ecgbeats: the study stopped listening; trial abandoned");
        }
        return o == TrialExecution.Outcome.DONE ? 0 : CommandLines.FAILURE;
    }
}
