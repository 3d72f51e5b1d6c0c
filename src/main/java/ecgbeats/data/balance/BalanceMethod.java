package ecgbeats.data.balance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ecgbeats.util.BadInputException;

import java.util.Locale;

/** The sampling methods of docs/reference.md §1; class weights are separate and combine with any of them. */
public enum BalanceMethod {
    NONE((t, r) -> t),
    OVERSAMPLE(new RandomOversampler()),
    SMOTE(new Smote(5)),
    UNDERSAMPLE(new RandomUndersampler());

    private final Balancer balancer;

    BalanceMethod(Balancer balancer) {
        this.balancer = balancer;
    }

    public Balancer balancer() {
        return balancer;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BalanceMethod parse(String s) {
        for (BalanceMethod m : values()) {
            if (m.id().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new BadInputException("unknown balancing method '" + s
                + "' (expected none, oversample, smote or undersample)");
    }
}
