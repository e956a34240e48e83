package dev.sietch.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Small named values the bot keeps across restarts (for example the id of the census message it
 * edits in place). Implemented by the store.
 */
public interface BotState {

    Optional<String> get(String key);

    void put(String key, String value, Instant at);

    /**
     * Sets {@code key} to {@code value} only if it still holds {@code expected} (empty: only if it
     * is not set), in one step, so of several instances racing for the same change one wins.
     *
     * @return whether this call made the change
     */
    boolean claim(String key, java.util.Optional<String> expected, String value, Instant at);
}
