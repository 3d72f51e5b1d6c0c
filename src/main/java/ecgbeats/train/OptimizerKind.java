package ecgbeats.train;

import ecgbeats.util.BadInputException;

import java.util.Locale;

/** Adam (L2 penalty added to the gradient, as torch.optim.Adam) or AdamW (decoupled weight decay). */
public enum OptimizerKind {
    ADAM, ADAMW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OptimizerKind parse(String s) {
        for (OptimizerKind o : values()) {
            if (o.id().equalsIgnoreCase(s.trim())) {
                return o;
            }
        }
        throw new BadInputException("optimizer=" + s + ": expected adam or adamw");
    }
}
