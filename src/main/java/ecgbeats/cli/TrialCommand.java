package ecgbeats.cli;

import ecgbeats.util.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.util.AtomicFile;
import ecgbeats.model.Architecture;
import ecgbeats.util.BadInputException;
import ecgbeats.train.Checkpoint;
import ecgbeats.train.EpochListener;
import ecgbeats.train.Training;
import ecgbeats.train.Metrics;
import ecgbeats.train.NonFiniteException;
import ecgbeats.train.ProgressPrinter;
import ecgbeats.train.RunConfig;
import ecgbeats.train.TrainJob;
import ecgbeats.tune.TrialLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code trial} (internal): the worker side of one tuning trial. Trains the run described by
 * a trial.json, reports each epoch on stdout and waits for the study's decision on stdin.
 * Never evaluates on test.
 */
@Command(name = "trial", hidden = true, description = "Worker side of one tuning trial (started by tune).")
final class TrialCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE")
    Path spec;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = ecgbeats.util.Json.MAPPER;
        JsonNode s = json.readTree(spec.toFile());
        Map<String, String> values = new LinkedHashMap<>();
        s.get("params").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        s.get("training").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        RunConfig rc = RunConfig.defaults(Architecture.parse(s.get("model").asText())).with(values);
        Path out = Path.of(s.get("out").asText());
        AtomicFile.deleteTree(out); // an interrupted attempt starts again
        Path checkpointOut = s.hasNonNull("checkpoint_out") ? Path.of(s.get("checkpoint_out").asText()) : null;
        Checkpoint resume = null;
        if (s.hasNonNull("checkpoint_in")) {
            Path in = Path.of(s.get("checkpoint_in").asText());
            try {
                resume = Checkpoint.decode(Files.readAllBytes(in));
            } catch (IOException e) {
                throw new BadInputException(in + ": " + e.getMessage());
            }
        }
        int[] written = {0};
        Training.CheckpointSink sink = checkpointOut == null ? null : c -> {
            AtomicFile.write(checkpointOut, o -> o.write(c.encode()));
            written[0] = c.epoch();
        };
        BufferedReader decisions = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ProgressPrinter progress = new ProgressPrinter(System.out);
        EpochListener listener = (r, max) -> {
            progress.onEpoch(r, max);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("recall_macro", r.valid().recallMacro());
            m.put("accuracy", r.valid().accuracy());
            m.put("valid_loss", r.validLoss());
            String answer;
            try {
                System.out.println(new TrialLine.Epoch(r.epoch(), r.score(), m,
                        checkpointOut != null && written[0] == r.epoch()).format());
                System.out.flush();
                answer = decisions.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (answer == null) {
                throw new CoordinatorGone();
            }
            return Decision.valueOf(answer.trim()) == Decision.STOP ? Decision.STOP : Decision.CONTINUE;
        };
        TrainJob.Outcome o;
        try {
            o = new TrainJob(Path.of(s.get("data").asText()), rc, out, false).run(listener, System.out, null, resume,
                    sink);
        } catch (CoordinatorGone e) {
            // the study is gone: leave, writing nothing more; a resumed study runs this trial again
            System.err.println("ecgbeats: the study stopped listening; trial abandoned");
            return CommandLines.FAILURE;
        } catch (NonFiniteException e) {
            System.out.println(new TrialLine.Failed(e.getMessage()).format());
            return CommandLines.FAILURE;
        }
        Metrics best = o.training().bestValid();
        System.out.println(new TrialLine.Done(Map.of("recall_macro", best.recallMacro(),
                "accuracy", best.accuracy(), "best_epoch", (double) o.training().bestEpoch())).format());
        return 0;
    }

    /** The coordinator closed the trial's input: nobody will read its results. */
    private static final class CoordinatorGone extends RuntimeException {
        CoordinatorGone() {
            super("the coordinator is gone", null, false, false);
        }
    }
}
