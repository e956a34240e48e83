package dev.sietch.app.config;

import dev.sietch.core.model.RankingPolicy;
import java.util.Locale;

/**
 * The service's own sections: {@code sietch.sync} (schedule and grace period),
 * {@code sietch.ranking} (rank thresholds), {@code sietch.log}, {@code sietch.verify} (wallet
 * linking) and {@code sietch.backup}.
 */
final class ServiceSection {

    private ServiceSection() {}

    static SietchSettings.Sync sync(ConfigReader reader) {
        return new SietchSettings.Sync(
                reader.positiveDuration("sietch.sync.interval"),
                reader.positiveDuration("sietch.sync.grace-period"));
    }

    static RankingPolicy ranking(ConfigReader reader) {
        return new RankingPolicy(
                reader.intBetween("sietch.ranking.naib-seats", 1, 10_000),
                reader.intBetween("sietch.ranking.member-cutoff", 1, 10_000),
                reader.intBetween("sietch.ranking.at-risk-from", 1, 10_000),
                reader.intBetween("sietch.ranking.waitlist-from", 1, 10_000),
                reader.intBetween("sietch.ranking.waitlist-to", 1, 10_000));
    }

    static SietchSettings.Log log(ConfigReader reader) {
        return new SietchSettings.Log(
                logLevel(reader, "sietch.log.level"),
                reader.oneOf("sietch.log.format", SietchSettings.Log.Format.class, SietchSettings.Log.Format.PLAIN));
    }

    private static SietchSettings.Log.Level logLevel(ConfigReader reader, String path) {
        String value = reader.string(path).trim().toUpperCase(Locale.ROOT);
        if (value.equals("FATAL")) {
            return SietchSettings.Log.Level.ERROR; // existing .env files may say fatal: the highest level there is
        }
        return reader.oneOf(path, SietchSettings.Log.Level.class, SietchSettings.Log.Level.INFO);
    }

    static SietchSettings.Verify verify(ConfigReader reader) {
        return new SietchSettings.Verify(reader.optionalUrl("sietch.http.public-url"),
                reader.positiveDuration("sietch.verify.valid-for"),
                reader.intBetween("sietch.verify.chain-id", 1, Integer.MAX_VALUE));
    }

    static SietchSettings.Backup backup(ConfigReader reader) {
        return new SietchSettings.Backup(reader.path("sietch.backup.directory"),
                reader.positiveDuration("sietch.backup.retention"), reader.bool("sietch.backup.push"));
    }
}
