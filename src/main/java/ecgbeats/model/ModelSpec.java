package ecgbeats.model;

import ecgbeats.util.BadInputException;
import ecgbeats.util.EnumIds;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A model: its architecture and the hyperparameters it uses (docs/reference.md §2). Fields an architecture
 * does not use hold their defaults and are left out of {@link #asMap()}.
 */
public record ModelSpec(Architecture architecture, int hidden, int numLayers, int numBlocks, double dropout,
                        int gruHidden, int numHeads, GruInput gruInput, Features features,
                        RhythmJoinPoint rhythmJoin, Template template) {

    public ModelSpec {
        check(hidden >= 1 && hidden <= 8192, "hidden", hidden, "must be 1 to 8192");
        check(dropout >= 0 && dropout < 1, "dropout", dropout, "must be in [0, 1)");
        check(gruHidden >= 1 && gruHidden <= 8192, "gru_hidden", gruHidden, "must be 1 to 8192");
        check(numBlocks >= 0 && numBlocks <= 64, "num_blocks", numBlocks, "must be 0 to 64");
        check(numHeads >= 1, "num_heads", numHeads, "must be at least 1");
        switch (architecture) {
            case CNN2D, CNN1D -> check(numLayers >= 2 && numLayers <= 16, "num_layers", numLayers,
                    "must be 2 to 16 (the dense head's Linear layers, the last one included)");
            case CNNGRU1D, GRU -> check(numLayers >= 1 && numLayers <= 16, "num_layers", numLayers,
                    "must be 1 to 16 (GRU layers)");
            case TRANSFORMER2D, TRANSFORMER1D -> {
                check(numBlocks >= 1, "num_blocks", numBlocks, "must be at least 1 (encoder blocks)");
                check(hidden % numHeads == 0, "num_heads", numHeads, "must divide hidden (" + hidden + ")");
            }
        }
    }

    private static void check(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new BadInputException(name + "=" + value + ": " + rule);
        }
    }

    /** The architecture's defaults (for cnngru1d, the study's best configuration). */
    public static ModelSpec defaults(Architecture a) {
        return switch (a) {
            case CNN2D -> new ModelSpec(a, 128, 2, 1, 0.3, 256, 1, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
            case CNNGRU1D -> new ModelSpec(a, 64, 2, 5, 0.4, 256, 1, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
            case TRANSFORMER2D, TRANSFORMER1D -> new ModelSpec(a, 64, 2, 2, 0.1, 256, 4, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
            case CNN1D -> new ModelSpec(a, 64, 2, 2, 0.3, 256, 1, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
            case GRU -> new ModelSpec(a, 64, 2, 0, 0.2, 256, 1, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
        };
    }

    /** The study's best configuration of its two headline models (docs/reference.md §2). */
    public static ModelSpec studyBest(Architecture a) {
        return switch (a) {
            case CNN2D -> new ModelSpec(a, 128, 3, 1, 0.3, 256, 1, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
            case CNNGRU1D -> new ModelSpec(a, 64, 2, 5, 0.4, 256, 1, GruInput.TIME, Features.NONE,
                    RhythmJoinPoint.DENSE, Template.NONE);
            default -> throw new IllegalArgumentException("the study reports no best configuration of " + a.id());
        };
    }

    /**
     * This spec with {@code values} set, by the study's names. A name that is not a model
     * hyperparameter, or that this architecture does not use, is a {@link BadInputException}.
     */
    public ModelSpec with(Map<String, String> values) {
        ModelSpec s = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            ModelParam p = ModelParam.of(e.getKey());
            if (p == null) {
                throw new BadInputException("unknown hyperparameter '" + e.getKey() + "'");
            }
            if (!architecture.params().contains(p)) {
                throw new BadInputException(architecture.id() + " does not use hyperparameter '" + e.getKey()
                        + "' (it uses " + architecture.params().stream().map(ModelParam::id)
                        .collect(Collectors.joining(", ")) + ")");
            }
            s = s.with(p, e.getValue());
        }
        return s;
    }

    private ModelSpec with(ModelParam p, String v) {
        Map<ModelParam, Object> m = values();
        try {
            m.put(p, switch (p) {
                case HIDDEN, NUM_LAYERS, NUM_BLOCKS, GRU_HIDDEN, NUM_HEADS -> Integer.parseInt(v.trim());
                case DROPOUT -> Double.parseDouble(v.trim());
                case GRU_INPUT -> GruInput.parse(v);
                case FEATURES -> Features.parse(v);
                case RHYTHM_JOIN -> RhythmJoinPoint.parse(v);
                case TEMPLATE -> Template.parse(v);
            });
        } catch (NumberFormatException e) {
            throw new BadInputException(p.id() + "=" + v + ": not a number");
        }
        return new ModelSpec(architecture, (int) m.get(ModelParam.HIDDEN), (int) m.get(ModelParam.NUM_LAYERS),
                (int) m.get(ModelParam.NUM_BLOCKS), (double) m.get(ModelParam.DROPOUT),
                (int) m.get(ModelParam.GRU_HIDDEN), (int) m.get(ModelParam.NUM_HEADS),
                (GruInput) m.get(ModelParam.GRU_INPUT), (Features) m.get(ModelParam.FEATURES),
                (RhythmJoinPoint) m.get(ModelParam.RHYTHM_JOIN), (Template) m.get(ModelParam.TEMPLATE));
    }

    /** Every hyperparameter's value, used by this architecture or not. */
    private Map<ModelParam, Object> values() {
        Map<ModelParam, Object> m = new EnumMap<>(ModelParam.class);
        m.put(ModelParam.HIDDEN, hidden);
        m.put(ModelParam.NUM_LAYERS, numLayers);
        m.put(ModelParam.NUM_BLOCKS, numBlocks);
        m.put(ModelParam.DROPOUT, dropout);
        m.put(ModelParam.GRU_HIDDEN, gruHidden);
        m.put(ModelParam.NUM_HEADS, numHeads);
        m.put(ModelParam.GRU_INPUT, gruInput);
        m.put(ModelParam.FEATURES, features);
        m.put(ModelParam.RHYTHM_JOIN, rhythmJoin);
        m.put(ModelParam.TEMPLATE, template);
        return m;
    }

    /**
     * The hyperparameters this architecture uses, by the study's names, for config files. A model
     * without RR features has no join, and one without a template no template: the configs of
     * runs made before those existed stay as they were.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        values().forEach((p, v) -> {
            boolean unused = p == ModelParam.RHYTHM_JOIN && !features.usesRr()
                    || p == ModelParam.TEMPLATE && template == Template.NONE;
            if (architecture.params().contains(p) && !unused) {
                m.put(p.id(), v instanceof Enum<?> e ? EnumIds.id(e) : v);
            }
        });
        return m;
    }

    /**
     * Rebuilds a spec from {@link #asMap()}'s output. A model with RR features whose map names no
     * join was made before {@code rhythm_join} existed, when the rhythm joined at the trunk.
     */
    public static ModelSpec fromMap(Architecture a, Map<String, ?> m) {
        Map<String, String> s = new LinkedHashMap<>();
        m.forEach((k, v) -> s.put(k, String.valueOf(v)));
        ModelSpec spec = defaults(a).with(s);
        return spec.features().usesRr() && !s.containsKey(ModelParam.RHYTHM_JOIN.id())
                ? spec.with(Map.of(ModelParam.RHYTHM_JOIN.id(), RhythmJoinPoint.TRUNK.id())) : spec;
    }
}
