package ecgbeats.data.balance;

import ecgbeats.util.EnumIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ecgbeats.util.BadInputException;

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
        return EnumIds.id(this);
    }

    @JsonCreator
    public static BalanceMethod parse(String s) {
        return EnumIds.find(BalanceMethod.class, s).orElseThrow(() -> new BadInputException(
                "unknown balancing method '" + s
                        + "' (expected none, oversample, smote or undersample)"));
    }
}
