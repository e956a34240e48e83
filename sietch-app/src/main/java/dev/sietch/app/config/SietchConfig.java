package dev.sietch.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads Sietch's configuration; this package is the only one that touches Typesafe Config.
 * {@link ConfigLayers} stacks the layers, {@link ConfigReader} reads typed values and collects
 * the problems, and one mapper per section turns its keys into that module's settings record.
 */
public final class SietchConfig {

    private SietchConfig() {}

    /**
     * @param file the application.conf to read, if any (it must exist)
     * @param environment the process environment
     * @param systemProperties the JVM's system properties (only {@code sietch.*} are read)
     */
    public static ConfigResult load(Optional<Path> file, Map<String, String> environment, Properties systemProperties) {
        return switch (ConfigLayers.stack(file, environment, systemProperties)) {
            case ConfigLayers.Stack.UnreadableFile unreadable -> new ConfigResult.Invalid(List.of(unreadable.problem()));
            case ConfigLayers.Stack.Stacked stacked -> read(stacked, file);
        };
    }

    private static ConfigResult read(ConfigLayers.Stack.Stacked stacked, Optional<Path> file) {
        var reader = new ConfigReader(stacked.config(), stacked.setBy());
        stacked.unknownKeys().forEach(key -> reader.problems().add(key + ": unknown key (no module defines it)"));
        DatabaseUrl databaseUrl = StoreSection.databaseUrl(reader);
        var settings = new SietchSettings(
                reader.build("sietch.http", () -> HttpSection.read(reader)),
                reader.build("sietch.store", () -> StoreSection.store(reader, databaseUrl)),
                reader.build("sietch.chain", () -> ChainSection.read(reader)),
                reader.build("sietch.discord", () -> DiscordSection.read(reader)),
                ServiceSection.sync(reader),
                reader.build("sietch.ranking", () -> ServiceSection.ranking(reader)),
                ServiceSection.log(reader),
                ServiceSection.verify(reader),
                reader.build("sietch.social", () -> SocialSection.read(reader)),
                ServiceSection.backup(reader),
                reader.build("sietch.database", () -> StoreSection.database(reader, databaseUrl)));
        List<String> problems = reader.problems();
        return problems.isEmpty() ? new ConfigResult.Valid(settings, file) : new ConfigResult.Invalid(problems);
    }
}
