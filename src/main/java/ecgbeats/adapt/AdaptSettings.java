package ecgbeats.adapt;

import ecgbeats.util.EnumIds;

import ecgbeats.train.EarlyRule;
import ecgbeats.train.FineTuning;
import ecgbeats.train.SConfidenceFloor;
import ecgbeats.util.BadInputException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a trained run learns a patient from labelled beats: fine-tuning every weight for a fixed
 * number of epochs on the patient's labelled beats, with {@code replay} of the run's own
 * training beats beside them so that classes the labelled minutes lack are not forgotten. The
 * defaults were chosen over DS1's records (docs/results.md), never over DS2's.
 *
 * @param epochs      passes over the labelled and replayed beats
 * @param lr          AdamW's learning rate
 * @param batch       beats per step
 * @param weightDecay AdamW's weight decay
 * @param replay      training beats of the run replayed beside the patient's (drawn at random)
 * @param localShare  the share of the loss weight the patient's beats carry, the rest the replayed beats'
 *                    (above 0, below 1; without replay the patient's beats carry it all)
 * @param part        which weights change: all, trunk (what reads the beat's shape) or head
 * @param premature   premature copies of the patient's labelled N beats, labelled S, as a share of them
 *                    ({@link RhythmCopies#premature}): this patient's shape, come early, is an S beat
 * @param prematureSpread labelled adaptation: the premature copies' share instead, where the labelled beats are spread
 *                    over the recording (asked beats: a sample that holds the patient's own S beats when it has them)
 * @param prematureRegular copies are made only when at least this share of the labelled N beats
 *                    are in a regular rhythm (0: for any patient; only beats in a regular rhythm are
 *                    copied in any case); in atrial fibrillation an early beat of the patient's shape is N
 * @param prematureGate whose rhythm the share is taken of: the labelled N beats, or all the recording's
 *                    beats (their RR intervals only, as the rhythm features already read them; no label)
 * @param rate        rate copies of the patient's labelled N beats, labelled N, as a share of them
 *                    ({@link RhythmCopies#rate}): this patient's shape in a faster rhythm is still N
 * @param replayWeights whether the replayed beats keep the run's class weights (or weigh alike,
 *                    their classes as common as in the run's training data)
 * @param teacher     self-training only: which network's confident calls become the pseudo-labels
 * @param rounds      self-training only: how many times it learns from pseudo-labels, each round's from the
 *                    one before (the first round's from its teacher); each starts from the run as trained
 * @param earlyRule   labelled adaptation only: the {@link EarlyRule}'s share, applied to the adapted run's calls
 *                    unless a labelled S beat came on time ({@link EarlyRuleDecision}); 0: off
 * @param sFloor      labelled adaptation only: the {@link SConfidenceFloor} on the adapted run's S calls where the
 *                    labelled beats are spread over the recording and hold no S beat ({@link SFloorDecision}); 0: off
 */
public record AdaptSettings(int epochs, double lr, int batch, double weightDecay, int replay, double localShare,
                            FineTuning.Part part, double premature, double prematureSpread, double prematureRegular,
                            Gate prematureGate,
                            double rate,
                            boolean replayWeights, Teacher teacher, int rounds, double earlyRule,
                            double sFloor) {

    /** The settings' names, as {@code NAME=VALUE} takes them. */
    public enum Param {
        EPOCHS, LR, BATCH, WEIGHT_DECAY, REPLAY, LOCAL_SHARE, PART, PREMATURE, PREMATURE_SPREAD, PREMATURE_REGULAR,
        PREMATURE_GATE, RATE,
        REPLAY_WEIGHTS, TEACHER, ROUNDS, EARLY_RULE, S_FLOOR;

        /** The settings the patient's labels decide, which a method without labels has no use for (0 there). */
        static final java.util.List<Param> LABELS_ONLY = java.util.List.of(PREMATURE_SPREAD, EARLY_RULE, S_FLOOR);

        public String id() {
            return EnumIds.id(this);
        }

        static Param of(String id) {
            for (Param p : values()) {
                if (p.id().equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** Whose rhythm decides whether a patient gets premature copies. */
    public enum Gate {
        /** The labelled N beats'. */
        LABELLED,
        /** All the recording's beats' (their RR intervals; no label). */
        RECORD;

        public String id() {
            return EnumIds.id(this);
        }
    }

    /** Whose calls self-training learns from. */
    public enum Teacher {
        /** The run as trained. */
        TRAINED,
        /** The run with every BatchNorm layer's statistics taken from the recording's beats (AdaBN): its calls fit the patient better. */
        ADABN,
        /**
         * {@link #ADABN} when the run as trained calls at least half of the recording's beats N, else
         * {@link #TRAINED}: AdaBN takes the recording's majority for its normal, wrong where most beats
         * are ectopic (MIT-BIH 232).
         */
        AUTO;

        public String id() {
            return EnumIds.id(this);
        }

        /** Whether self-training takes its pseudo-labels from the run with the recording's statistics, given how many of its beats the run as trained calls N. */
        public boolean readsRecordStatistics(int callsN, int beats) {
            return this == ADABN || (this == AUTO && 2L * callsN >= beats);
        }
    }

    public AdaptSettings {
        if (epochs < 1 || batch < 1 || rounds < 1 || !(lr > 0) || weightDecay < 0 || replay < 0
                || !(localShare > 0 && localShare < 1) || part == null || prematureGate == null || teacher == null
                || !(premature >= 0 && premature <= 1) || !(prematureSpread >= 0 && prematureSpread <= 1)
                || !(prematureRegular >= 0 && prematureRegular <= 1)
                || !(rate >= 0 && rate <= 1) || !(earlyRule >= 0) || Double.isInfinite(earlyRule)
                || !(sFloor >= 0 && sFloor <= 1)) {
            throw new IllegalArgumentException("adaptation settings out of range: " + this);
        }
    }

    /**
     * The settings {@code method} starts from: self-training's learning rate is fine-tuning's first
     * (3e-4), its premature copies fine-tuning's (made from the beats it is confident are N), its
     * pseudo-labels the calls of the run with the recording's BatchNorm statistics where the run
     * calls most of the recording's beats N (docs/results.md, "A sixteenth look", "A seventeenth look");
     * a method without labels has no early rule, which labels decide.
     */
    public static AdaptSettings defaults(AdaptMethod method) {
        AdaptSettings s = defaults();
        if (method.transductive()) {
            for (Param p : Param.LABELS_ONLY) {
                s = s.with(p.id(), "0");
            }
        }
        if (method == AdaptMethod.SELF_TRAINING) {
            s = s.with(Param.LR.id(), "3e-4").with(Param.TEACHER.id(), Teacher.AUTO.id());
        }
        return s;
    }

    /**
     * Fine-tuning's settings on labelled beats, the early rule at the share chosen on DS1 ("An eighteenth look"),
     * the S floor at the probability chosen there ("A twenty-first look"), no premature copies for labels spread
     * over the recording ("A twenty-second look").
     */
    public static AdaptSettings defaults() {
        return new AdaptSettings(6, 1e-3, 32, 1e-5, 2000, 0.6, FineTuning.Part.ALL, 0.3, 0, 0.3, Gate.LABELLED, 0, true,
                Teacher.TRAINED, 1, EarlyRule.CHOSEN, SConfidenceFloor.CHOSEN);
    }

    /** These settings with {@code name} set to {@code value}; an unknown name or a bad value is a {@link BadInputException}. */
    public AdaptSettings with(String name, String value) {
        Param p = Param.of(name.trim());
        if (p == null) {
            throw BadInputException.about(BadInputException.Subject.SETTING, name, "not an adaptation setting (known: "
                    + String.join(", ", java.util.Arrays.stream(Param.values()).map(Param::id).toList()) + ")");
        }
        try {
            return of(ecgbeats.util.SettingTexts.with(Param.class, asMap(), Param::of, p, value));
        } catch (IllegalArgumentException e) {
            throw BadInputException.about(BadInputException.Subject.SETTING, name + "=" + value,
                    "not a valid value (" + e.getMessage() + ")");
        }
    }

    /** These settings with each {@code NAME=VALUE} of {@code assignments} applied in order. */
    public AdaptSettings with(java.util.List<String> assignments) {
        AdaptSettings s = this;
        for (String a : assignments) {
            Map.Entry<String, String> e = ecgbeats.util.SettingTexts.assignment(a, "epochs=6");
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Settings from every parameter's text. */
    private static AdaptSettings of(Map<Param, String> v) {
        return new AdaptSettings(Integer.parseInt(v.get(Param.EPOCHS)), Double.parseDouble(v.get(Param.LR)),
                Integer.parseInt(v.get(Param.BATCH)), Double.parseDouble(v.get(Param.WEIGHT_DECAY)),
                Integer.parseInt(v.get(Param.REPLAY)), Double.parseDouble(v.get(Param.LOCAL_SHARE)),
                FineTuning.Part.valueOf(v.get(Param.PART).toUpperCase(Locale.ROOT)),
                Double.parseDouble(v.get(Param.PREMATURE)), Double.parseDouble(v.get(Param.PREMATURE_SPREAD)),
                Double.parseDouble(v.get(Param.PREMATURE_REGULAR)),
                Gate.valueOf(v.get(Param.PREMATURE_GATE).toUpperCase(Locale.ROOT)), Double.parseDouble(v.get(Param.RATE)),
                parseBoolean(v.get(Param.REPLAY_WEIGHTS)), Teacher.valueOf(v.get(Param.TEACHER).toUpperCase(Locale.ROOT)),
                Integer.parseInt(v.get(Param.ROUNDS)), Double.parseDouble(v.get(Param.EARLY_RULE)),
                Double.parseDouble(v.get(Param.S_FLOOR)));
    }

    /** The settings by name, as config.json records them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Param.EPOCHS.id(), epochs);
        m.put(Param.LR.id(), lr);
        m.put(Param.BATCH.id(), batch);
        m.put(Param.WEIGHT_DECAY.id(), weightDecay);
        m.put(Param.REPLAY.id(), replay);
        m.put(Param.LOCAL_SHARE.id(), localShare);
        m.put(Param.PART.id(), part.name().toLowerCase(Locale.ROOT));
        m.put(Param.PREMATURE.id(), premature);
        m.put(Param.PREMATURE_SPREAD.id(), prematureSpread);
        m.put(Param.PREMATURE_REGULAR.id(), prematureRegular);
        m.put(Param.PREMATURE_GATE.id(), prematureGate.id());
        m.put(Param.RATE.id(), rate);
        m.put(Param.REPLAY_WEIGHTS.id(), replayWeights);
        m.put(Param.TEACHER.id(), teacher.id());
        m.put(Param.ROUNDS.id(), rounds);
        m.put(Param.EARLY_RULE.id(), earlyRule);
        m.put(Param.S_FLOOR.id(), sFloor);
        return m;
    }

    /**
     * The settings {@code method} uses, by name, as config.json and evaluate's JSON record them:
     * without {@code teacher} and {@code rounds} for labelled fine-tuning (self-training's only) and
     * without {@code early_rule}, {@code s_floor} and {@code premature_spread} for a method without labels (labels
     * decide them).
     */
    public Map<String, Object> recordedFor(AdaptMethod method) {
        Map<String, Object> m = asMap();
        if (method != AdaptMethod.SELF_TRAINING) {
            m.remove(Param.TEACHER.id());
            m.remove(Param.ROUNDS.id());
        }
        if (method.transductive()) {
            Param.LABELS_ONLY.forEach(p -> m.remove(p.id()));
        }
        return m;
    }

    private static boolean parseBoolean(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    /** The early rule these settings apply after a labelled adaptation, or null when off. */
    public EarlyRule timingRule() {
        return earlyRule > 0 ? new EarlyRule(earlyRule) : null;
    }

    /** The S floor these settings apply after a labelled adaptation, or null when off. */
    public SConfidenceFloor sFloorRule() {
        return sFloor > 0 ? new SConfidenceFloor(sFloor) : null;
    }

    /**
     * These settings, checked to make sense for {@code method}: rounds are self-training's, and the
     * {@link Param#LABELS_ONLY} settings are decided by labelled beats, which an unsupervised method has none of.
     */
    public AdaptSettings checkedFor(AdaptMethod method) {
        if (rounds > 1 && method != AdaptMethod.SELF_TRAINING) {
            throw BadInputException.about(BadInputException.Subject.SETTING, Param.ROUNDS.id() + "=" + rounds,
                    "self-training's only (rounds of pseudo-labels), and " + method.id() + " has none");
        }
        if (method.transductive()) {
            Map<String, Object> m = asMap();
            for (Param p : Param.LABELS_ONLY) {
                if (((Number) m.get(p.id())).doubleValue() > 0) {
                    throw BadInputException.about(BadInputException.Subject.SETTING, p.id() + "=" + m.get(p.id()),
                            "decided by the patient's labelled beats, and " + method.id() + " has no labels");
                }
            }
        }
        return this;
    }

    FineTuning.Settings fineTuning() {
        return new FineTuning.Settings(epochs, lr, batch, weightDecay, part);
    }
}
