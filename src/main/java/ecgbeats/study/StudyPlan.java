package ecgbeats.study;

import ecgbeats.data.DatasetFile;
import ecgbeats.model.Architecture;
import ecgbeats.train.Objective;
import ecgbeats.train.RunConfig;
import ecgbeats.tune.Domain;
import ecgbeats.tune.SearchSpace;
import ecgbeats.tune.StudySettings;
import ecgbeats.util.Sha256;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tuning study of ECG models is, before it runs: its job (the dataset and its checksum,
 * the model, the training budget), its identity (what a resume must match) and the name of its
 * cluster, derived from the identity and the study's folder.
 *
 * @param job      what every trial shares
 * @param settings the study's budget and identity
 * @param cluster  the Hazelcast cluster name workers join
 */
public record StudyPlan(StudyJob job, StudySettings settings, String cluster) {

    /**
     * The plan of a study of {@code model} on {@code data} over {@code space}, checked: every value
     * the space can give must suit the model, and an objective left at {@code default} takes the
     * dataset protocol's.
     *
     * @param spaceSource where the space came from (a file or a preset), for messages
     * @param search    the sampler as the identity names it (e.g. {@code tpe/joint})
     * @param scheduler the scheduler as the identity names it (e.g. {@code asha/1})
     */
    public static StudyPlan of(Path data, Architecture model, SearchSpace space, String spaceSource, String search,
                               String scheduler,
                               int trials, int epochs, double fraction, String objective, long seed,
                               Duration timeBudget, Path out) throws IOException {
        String resolved = Objective.parse(objective).resolve(DatasetFile.provenance(data).protocol()).id();
        checkSpaceFitsModel(RunConfig.defaults(model).with(Map.of("epochs", Integer.toString(epochs),
                "fraction", Double.toString(fraction), "objective", resolved)), space, spaceSource);
        String sha = DatasetFile.sha256(data);
        Map<String, String> what = new LinkedHashMap<>();
        what.put("data", sha);
        what.put("model", model.id());
        what.put("search", search);
        what.put("scheduler", scheduler);
        what.put("epochs", Integer.toString(epochs));
        what.put("fraction", Double.toString(fraction));
        what.put("objective", resolved);
        what.put("seed", Long.toString(seed));
        StudySettings settings = new StudySettings(trials, seed, timeBudget, resolved,
                StudySettings.identity(what, space));
        StudyJob job = new StudyJob(data.toAbsolutePath().toString(), sha, model.id(), epochs, fraction, resolved);
        String cluster = "ecgbeats-" + Sha256.of((settings.fingerprint() + "|" + out.toAbsolutePath())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 10);
        return new StudyPlan(job, settings, cluster);
    }

    /** Every value the space can give (each choice, both bounds) must suit the model: checked before anything is written. */
    static void checkSpaceFitsModel(RunConfig base, SearchSpace sp, String source) {
        for (Map.Entry<String, Domain> d : sp.domains().entrySet()) {
            List<Object> values;
            if (d.getValue() instanceof Domain.Choice c) {
                values = c.values();
            } else {
                Domain.Numeric n = (Domain.Numeric) d.getValue();
                values = List.of(n.fromInternal(n.internalLo()), n.fromInternal(n.internalHi()));
            }
            for (Object v : values) {
                try {
                    base.with(Map.of(d.getKey(), String.valueOf(v)));
                } catch (ecgbeats.util.BadInputException e) {
                    throw new ecgbeats.util.BadInputException(source + ": " + e.getMessage());
                }
            }
        }
    }
}
