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
}
