package ecgbeats.adapt;

import java.nio.file.Path;

/** Where a recording's labelled beats come from: what a person confirmed before adaptation. */
public sealed interface LabelSource {

    /**
     * The recording's reference annotations (PATH.atr) from its start up to {@code minutes}: AAMI's
     * patient-specific practice (EC57, after EC38) labels the first 5 minutes of each record.
     */
    record FirstMinutes(double minutes) implements LabelSource {
        public FirstMinutes {
            if (!(minutes > 0) || Double.isInfinite(minutes)) {
                throw new IllegalArgumentException("labelled minutes must be positive: " + minutes);
            }
        }
    }

    /** An annotation file (MIT format) holding just the beats someone labelled, any subset of them. */
    record AnnotationLabels(Path file) implements LabelSource {
    }

    /**
     * The recording's reference annotations at the {@code beats} beats ecgbeats asked about
     * ({@link BeatQuestions}): what a technician confirming a handful of beats spread over the
     * whole recording gives. The choice reads the run's classification of every beat (no label).
     */
    record Asked(int beats, BeatQuestions.Strategy strategy) implements LabelSource {
        public Asked {
            if (beats < 1 || strategy == null) {
                throw new IllegalArgumentException("ask about at least one beat: " + beats);
            }
        }
    }

    /** 5 as "5", 2.5 as "2.5". */
    static String minutes(double m) {
        return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
    }
}
