package ecgbeats.util;

/**
 * What a running training hears after an epoch, from whoever watches it (a tuning scheduler, a
 * time budget): go on; stop for good (the run is complete, as when a scheduler prunes a trial);
 * or pause, ready to go on later from the epoch's checkpoint. A pause after the last epoch is the
 * same as going on. Schedulers answer CONTINUE or STOP, as Ray Tune's do.
 */
public enum Decision {
    CONTINUE, STOP, PAUSE
}
