package ecgbeats.cli;

import ecgbeats.tune.TpeSampler;
import picocli.CommandLine.Option;

/** {@code --tpe}: which settings the TPE sampler uses (tune and tune-bench). */
final class TpeOption {

    @Option(names = "--tpe", defaultValue = "joint", paramLabel = "joint|hyperopt|optuna",
            description = "TPE settings: joint (the best the project has measured: Optuna's settings with one "
                    + "multivariate estimator), hyperopt (the study's: 20 random start-up trials) or optuna "
                    + "(10 start-up trials, best 10 %% as the good set). Default: ${DEFAULT-VALUE}.")
    TpeSampler.Preset preset;

    /** The preset's name as users type it. */
    String id() {
        return preset.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The search as it is reported: {@code tpe-joint} for TPE, the search's own name otherwise. */
    String label(String search) {
        return search.equals("tpe") ? "tpe-" + id() : search;
    }
}
