package ecgbeats.tune;

/** A trial's life: RUNNING until it COMPLETEs, is PRUNED by the scheduler, or FAILS. */
public enum TrialState {
    RUNNING, COMPLETE, PRUNED, FAILED
}
