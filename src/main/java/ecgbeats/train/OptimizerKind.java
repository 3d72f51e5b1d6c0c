package ecgbeats.train;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

/** Adam (L2 penalty added to the gradient, as torch.optim.Adam) or AdamW (decoupled weight decay). */
public enum OptimizerKind {
    ADAM, ADAMW;

    public String id() {
        return EnumIds.id(this);
    }

    public static OptimizerKind parse(String s) {
        return EnumIds.find(OptimizerKind.class, s).orElseThrow(() -> new BadInputException(
                "optimizer=" + s + ": expected adam or adamw"));
    }
}
