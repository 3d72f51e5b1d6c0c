package ecgbeats.tune;

/** What a scheduler tells a running trial after an epoch. */
public enum Decision {
    CONTINUE, STOP
}
