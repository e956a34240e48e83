package dev.sietch.app.config;

import dev.sietch.store.PostgresSettings;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code sietch.store} and {@code sietch.database}: which database the store uses (an SQLite file,
 * or PostgreSQL shared by several instances) and the leader's lease among those instances.
 */
final class StoreSection {

    private static final String D = "sietch.database.";

    private StoreSection() {}

    /** {@code database.url}, parsed; null when unset or invalid (then a problem is recorded). */
    static @Nullable DatabaseUrl databaseUrl(ConfigReader reader) {
        Optional<String> url = reader.optionalString(D + "url");
        if (url.isEmpty()) {
            return null;
        }
        try {
            return DatabaseUrl.parse(url.get());
        } catch (IllegalArgumentException e) {
            return reader.fail(D + "url", e.getMessage(), null);
        }
    }

    static StoreSettings store(ConfigReader reader, @Nullable DatabaseUrl url) {
        return new StoreSettings(sqliteFile(reader, url), reader.duration("sietch.store.busy-timeout"));
    }

    /** {@code database.url} when it names an SQLite file, else {@code store.path}. */
    private static Path sqliteFile(ConfigReader reader, @Nullable DatabaseUrl url) {
        return url instanceof DatabaseUrl.Sqlite sqlite ? sqlite.file() : reader.path("sietch.store.path");
    }

    static SietchSettings.Database database(ConfigReader reader, @Nullable DatabaseUrl url) {
        Optional<PostgresSettings> postgres = Optional.empty();
        int poolSize = reader.intBetween(D + "pool-size", 2, 200);
        Duration connectTimeout = reader.positiveDuration(D + "connect-timeout");
        String password = reader.string(D + "password");
        Duration lease = reader.positiveDuration(D + "leader.lease");
        Duration renewEvery = reader.positiveDuration(D + "leader.renew-every");
        if (url instanceof DatabaseUrl.Postgres postgresUrl) {
            postgres = Optional.of(postgresUrl.settings(password, poolSize, connectTimeout));
        }
        return new SietchSettings.Database(postgres, lease, renewEvery);
    }
}
