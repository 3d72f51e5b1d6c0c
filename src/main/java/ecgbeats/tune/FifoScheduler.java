package ecgbeats.tune;

import ecgbeats.util.Decision;

/** Every trial runs to its epoch limit or its own early stop. */
public final class FifoScheduler implements Scheduler {

    @Override
    public Decision onEpoch(int trial, int epoch, double value) {
        return Decision.CONTINUE;
    }
}
