package dev.sietch.core.port;

import dev.sietch.core.model.SyncHealth;

/** Reads the recorded state of chain synchronisation. Implemented by the store. */
@FunctionalInterface
public interface SyncHealthSource {

    /** The current state; {@link SyncHealth#NEVER_SYNCED} before the first sync. */
    SyncHealth current();
}
