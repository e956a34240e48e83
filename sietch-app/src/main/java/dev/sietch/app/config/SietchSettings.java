package dev.sietch.app.config;

import dev.sietch.chain.ChainSettings;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.http.HttpSettings;
import dev.sietch.store.StoreSettings;
import java.time.Duration;
import java.util.Locale;

/** Every module's settings, read and validated from the configuration. */
public record SietchSettings(
        HttpSettings http,
        StoreSettings store,
        ChainSettings chain,
        DiscordSettings discord,
        Sync sync,
        RankingPolicy ranking,
        Log log) {

    /** The chain sync schedule and the grace window. */
    public record Sync(Duration interval, Duration gracePeriod) {}

    /** How the service logs. */
    public record Log(Level level, Format format) {

        public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

        public enum Format {
            PLAIN,
            JSON;

            /** The appender name in logback.xml. */
            public String appender() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
