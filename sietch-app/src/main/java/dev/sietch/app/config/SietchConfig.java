package dev.sietch.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;
import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.ClaimEvent;
import dev.sietch.chain.VaultSource;
import dev.sietch.core.model.Activity;
import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.http.MemberTokens;
import dev.sietch.core.model.Secret;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SietchBot;
import dev.sietch.http.AddressBlock;
import dev.sietch.http.AdminKey;
import dev.sietch.http.HttpSettings;
import dev.sietch.http.PictureSettings;
import dev.sietch.store.StoreSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads Sietch's configuration. This is the only class that touches Typesafe Config.
 *
 * <p>Layers, highest first: {@code -Dsietch.…} system properties; the environment variables of
 * {@link EnvironmentVariable#ALL} (blank values count as unset); the optional
 * {@code conf/application.conf}; the {@code reference.conf} defaults of every module. A key under
 * {@code sietch} that no module defines is reported as a problem, so a typo cannot pass silently.
 */
public final class SietchConfig {

    private static final String ROOT = "sietch";

    /** System properties under {@code sietch.} that the launcher sets and that are not configuration. */
    private static final Set<String> LAUNCHER_PROPERTIES = Set.of("sietch.home");

    /** Keys whose values are secrets wherever they are set: problems with them never show the value. */
    static final Set<String> SECRET_KEYS =
            Set.of("sietch.discord.token", "sietch.http.admin-keys", "sietch.http.member-token-secret",
                    "sietch.database.password");

    private SietchConfig() {}

    /**
     * @param file the application.conf to read, if any (it must exist)
     * @param environment the process environment
     * @param systemProperties the JVM's system properties (only {@code sietch.*} are read)
     */
    public static ConfigResult load(Optional<Path> file, Map<String, String> environment, Properties systemProperties) {
        ClassLoader loader = SietchConfig.class.getClassLoader();
        Config reference = ConfigFactory.parseResourcesAnySyntax(loader, "reference.conf").resolve();
        List<String> problems = new ArrayList<>();
        Config fileLayer = ConfigFactory.empty();
        if (file.isPresent()) {
            Path path = file.get();
            if (!Files.isRegularFile(path)) {
                return new ConfigResult.Invalid(List.of("config file " + path + ": not found"));
            }
            try {
                fileLayer = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                        .resolve();
            } catch (ConfigException e) {
                return new ConfigResult.Invalid(List.of("config file " + path + ": " + e.getMessage()));
            }
        }
        Map<String, EnvironmentVariable> setBy = new HashMap<>();
        Config merged = ConfigFactory.parseMap(systemLayer(systemProperties), "system properties")
                .withFallback(ConfigFactory.parseMap(environmentLayer(environment, setBy), "environment"))
                .withFallback(fileLayer)
                .withFallback(reference);
        var reader = new Reader(merged, setBy, problems);
        unknownKeys(merged, reference).forEach(key -> problems.add(key + ": unknown key (no module defines it)"));

        DatabaseUrl databaseUrl = databaseUrl(reader);
        var settings = new SietchSettings(
                reader.build("sietch.http", () -> http(reader)),
                reader.build("sietch.store", () -> new StoreSettings(
                        sqliteFile(reader, databaseUrl), reader.duration("sietch.store.busy-timeout"))),
                reader.build("sietch.chain", () -> chain(reader)),
                reader.build("sietch.discord", () -> new DiscordSettings(
                        reader.optionalString("sietch.discord.token").map(Secret::new),
                        reader.snowflake("sietch.discord.guild-id"),
                        discordEndpoints(reader),
                        discordRoles(reader),
                        new DiscordSettings.Channels(reader.snowflake("sietch.discord.channels.the-door"),
                                reader.snowflake("sietch.discord.channels.census"),
                                reader.snowflake("sietch.discord.channels.sietch-lounge")))),
                new SietchSettings.Sync(
                        reader.positiveDuration("sietch.sync.interval"),
                        reader.positiveDuration("sietch.sync.grace-period")),
                reader.build("sietch.ranking", () -> new RankingPolicy(
                        reader.intBetween("sietch.ranking.naib-seats", 1, 10_000),
                        reader.intBetween("sietch.ranking.member-cutoff", 1, 10_000),
                        reader.intBetween("sietch.ranking.at-risk-from", 1, 10_000),
                        reader.intBetween("sietch.ranking.waitlist-from", 1, 10_000),
                        reader.intBetween("sietch.ranking.waitlist-to", 1, 10_000))),
                new SietchSettings.Log(
                        reader.logLevel("sietch.log.level"),
                        reader.oneOf("sietch.log.format", SietchSettings.Log.Format.class, SietchSettings.Log.Format.PLAIN)),
                new SietchSettings.Verify(reader.optionalUrl("sietch.http.public-url"),
                        reader.positiveDuration("sietch.verify.valid-for"),
                        reader.intBetween("sietch.verify.chain-id", 1, Integer.MAX_VALUE)),
                reader.build("sietch.social", () -> social(reader)),
                new SietchSettings.Backup(reader.path("sietch.backup.directory"),
                        reader.positiveDuration("sietch.backup.retention"), reader.bool("sietch.backup.push")),
                reader.build("sietch.database", () -> database(reader, databaseUrl)));
        return problems.isEmpty() ? new ConfigResult.Valid(settings, file) : new ConfigResult.Invalid(problems);
    }

    /** {@code database.url} when it names an SQLite file, else {@code store.path}. */
    private static Path sqliteFile(Reader reader, @org.jspecify.annotations.Nullable DatabaseUrl url) {
        return url instanceof DatabaseUrl.Sqlite sqlite ? sqlite.file() : reader.path("sietch.store.path");
    }

    private static @org.jspecify.annotations.Nullable DatabaseUrl databaseUrl(Reader reader) {
        Optional<String> url = reader.optionalString("sietch.database.url");
        if (url.isEmpty()) {
            return null;
        }
        try {
            return DatabaseUrl.parse(url.get());
        } catch (IllegalArgumentException e) {
            return reader.fail("sietch.database.url", e.getMessage(), null);
        }
    }

    private static SietchSettings.Database database(Reader reader, @org.jspecify.annotations.Nullable DatabaseUrl url) {
        String d = "sietch.database.";
        Optional<dev.sietch.store.PostgresSettings> postgres = Optional.empty();
        int poolSize = reader.intBetween(d + "pool-size", 2, 200);
        Duration connectTimeout = reader.positiveDuration(d + "connect-timeout");
        String password = reader.string(d + "password");
        Duration lease = reader.positiveDuration(d + "leader.lease");
        Duration renewEvery = reader.positiveDuration(d + "leader.renew-every");
        if (url instanceof DatabaseUrl.Postgres postgresUrl) {
            postgres = Optional.of(postgresUrl.settings(password, poolSize, connectTimeout));
        }
        return new SietchSettings.Database(postgres, lease, renewEvery);
    }

    private static SietchSettings.Social social(Reader reader) {
        String s = "sietch.social.";
        var activity = new Activity.Settings(
                reader.intBetween(s + "activity.points.message", 0, 1000),
                reader.intBetween(s + "activity.points.reaction-given", 0, 1000),
                reader.intBetween(s + "activity.points.reaction-received", 0, 1000),
                reader.duration(s + "activity.message-cooldown"),
                reader.duration(s + "activity.reaction-cooldown"),
                reader.fraction(s + "activity.decay-rate"),
                reader.positiveDuration(s + "activity.decay-period"));
        String p = s + "pictures.";
        var pictures = reader.build(s + "pictures", () -> new PictureSettings(reader.stringList(p + "allowed-hosts"),
                reader.intBetween(p + "max-download-kb", 1, 102_400) * 1024L, reader.positiveDuration(p + "timeout"),
                reader.intBetween(p + "max-redirects", 0, 10), reader.longAtLeast(p + "max-pixels", 1),
                reader.intBetween(p + "size", 64, 512), reader.intBetween(p + "webp-quality", 1, 100),
                reader.intBetween(p + "max-size-kb", 1, 2048) * 1024));
        return new SietchSettings.Social(activity, reader.instant(s + "launch-date"),
                reader.positiveDuration(s + "nym-change-cooldown"), reader.intBetween(s + "max-bio-length", 1, 1000),
                pictures);
    }

    private static DiscordSettings.Roles discordRoles(Reader reader) {
        var mode = reader.oneOf("sietch.discord.roles.mode", DiscordSettings.Roles.Mode.class,
                DiscordSettings.Roles.Mode.COLLABLAND);
        OptionalLong naib = reader.snowflake("sietch.discord.roles.naib");
        OptionalLong fedaykin = reader.snowflake("sietch.discord.roles.fedaykin");
        if (mode == DiscordSettings.Roles.Mode.SIETCH && (naib.isEmpty() || fedaykin.isEmpty())) {
            return reader.fail("sietch.discord.roles.mode",
                    "sietch needs sietch.discord.roles.naib and .fedaykin (DISCORD_ROLE_NAIB, DISCORD_ROLE_FEDAYKIN)",
                    DiscordSettings.Roles.COLLABLAND);
        }
        var dynamic = new java.util.EnumMap<DynamicRole, Long>(DynamicRole.class);
        for (DynamicRole role : DynamicRole.values()) {
            reader.snowflake("sietch.discord.roles." + role.configName())
                    .ifPresent(id -> dynamic.put(role, id));
        }
        return new DiscordSettings.Roles(mode, naib, fedaykin, dynamic, reader.snowflake("sietch.discord.roles.taqwa"));
    }

    private static SietchBot.Endpoints discordEndpoints(Reader reader) {
        String rest = reader.string("sietch.discord.rest-url");
        String gateway = reader.string("sietch.discord.gateway-url");
        try {
            URI restUrl = new URI(rest);
            URI gatewayUrl = new URI(gateway);
            if (!(restUrl.getScheme() != null && restUrl.getScheme().matches("https?") && restUrl.getHost() != null)) {
                return reader.fail("sietch.discord.rest-url", "not an absolute http(s) URL", SietchBot.Endpoints.DISCORD);
            }
            if (!(gatewayUrl.getScheme() != null && gatewayUrl.getScheme().matches("wss?") && gatewayUrl.getHost() != null)) {
                return reader.fail("sietch.discord.gateway-url", "not an absolute ws(s) URL", SietchBot.Endpoints.DISCORD);
            }
            return new SietchBot.Endpoints(restUrl, gatewayUrl);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return reader.fail("sietch.discord.rest-url", "the REST URL must be an absolute URL ending with /; "
                    + "the gateway URL an absolute ws(s) URL", SietchBot.Endpoints.DISCORD);
        }
    }

    private static HttpSettings http(Reader reader) {
        String h = "sietch.http.";
        var limits = new HttpSettings.RateLimits(
                reader.intBetween(h + "rate-limits.public", 0, 1_000_000_000),
                reader.intBetween(h + "rate-limits.member", 0, 1_000_000_000),
                reader.intBetween(h + "rate-limits.admin", 0, 1_000_000_000));
        List<String> proxies = new ArrayList<>();
        for (String proxy : reader.stringList(h + "trusted-proxies")) {
            try {
                AddressBlock.parse(proxy);
                proxies.add(proxy);
            } catch (IllegalArgumentException e) {
                reader.fail(h + "trusted-proxies", e.getMessage(), null);
            }
        }
        List<AdminKey> keys = List.of();
        try {
            keys = AdminKey.parseList(String.join(",", reader.stringList(h + "admin-keys")));
        } catch (IllegalArgumentException e) {
            reader.failShowing(h + "admin-keys", e.getMessage()); // the message never quotes a key
        }
        Optional<Secret> memberTokenSecret = reader.optionalString(h + "member-token-secret").map(Secret::new);
        if (memberTokenSecret.isPresent()) {
            try {
                new MemberTokens(memberTokenSecret.get());
            } catch (IllegalArgumentException e) {
                reader.failShowing(h + "member-token-secret", e.getMessage());
            }
        }
        return new HttpSettings(reader.string(h + "host"), reader.intBetween(h + "port", 1, 65_535), proxies, limits,
                keys, memberTokenSecret);
    }

    private static ChainSettings chain(Reader reader) {
        String c = "sietch.chain.";
        var scan = reader.build("sietch.chain", () -> new ChainSettings.Scan(
                reader.intBetween(c + "confirmations", 0, 10_000),
                reader.bool(c + "finalized-tag"),
                reader.intBetween(c + "max-block-range", 1, 10_000_000),
                reader.intBetween(c + "parallel-requests", 1, 64)));
        var retry = reader.build("sietch.chain", () -> new ChainSettings.Retry(
                reader.positiveDuration(c + "request-timeout"),
                reader.intBetween(c + "max-attempts", 1, 100),
                reader.positiveDuration(c + "retry-delay"),
                reader.positiveDuration(c + "max-retry-delay")));
        List<VaultSource> vaults = reader.vaults(c + "vaults",
                reader.oneOf(c + "claim-event", ClaimEvent.class, ClaimEvent.POL),
                reader.longAtLeast(c + "start-block", 0));
        return new ChainSettings(reader.urls(c + "rpc-urls"), reader.optionalString(c + "bgt-address"),
                reader.longAtLeast(c + "burns-start-block", 0), vaults,
                scan == null ? ChainSettings.Scan.DEFAULT : scan, retry == null ? ChainSettings.Retry.DEFAULT : retry,
                reader.optionalString(c + "event-file").map(Path::of));
    }

    private static Map<String, String> systemLayer(Properties properties) {
        Map<String, String> layer = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ROOT + ".") && !LAUNCHER_PROPERTIES.contains(name)) {
                layer.put(name, properties.getProperty(name));
            }
        }
        return layer;
    }

    private static Map<String, String> environmentLayer(
            Map<String, String> environment, Map<String, EnvironmentVariable> setBy) {
        Map<String, String> layer = new LinkedHashMap<>();
        for (EnvironmentVariable variable : EnvironmentVariable.ALL) {
            String value = environment.get(variable.name());
            if (value != null && !value.isBlank()) {
                layer.put(variable.path(), variable.toConfigValue().apply(value.trim()));
                setBy.put(variable.path(), variable);
            }
        }
        return layer;
    }

    private static Set<String> unknownKeys(Config merged, Config reference) {
        Set<String> unknown = new TreeSet<>();
        if (!merged.hasPath(ROOT)) {
            return unknown;
        }
        for (var entry : merged.getConfig(ROOT).entrySet()) {
            String key = ROOT + "." + entry.getKey();
            if (!reference.hasPath(key) && !isUnderListOrObjectDefault(reference, key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** A key inside a value that the reference declares as a list (e.g. an element of rpc-urls given as an object). */
    private static boolean isUnderListOrObjectDefault(Config reference, String key) {
        int dot = key.lastIndexOf('.');
        while (dot > 0) {
            String parent = key.substring(0, dot);
            if (reference.hasPath(parent) && reference.getValue(parent).valueType() == ConfigValueType.LIST) {
                return true;
            }
            dot = parent.lastIndexOf('.');
        }
        return false;
    }

    /** Typed reads that collect problems instead of stopping at the first. */
    private static final class Reader {

        private final Config config;
        private final Map<String, EnvironmentVariable> setBy;
        private final List<String> problems;

        Reader(Config config, Map<String, EnvironmentVariable> setBy, List<String> problems) {
            this.config = config;
            this.setBy = setBy;
            this.problems = problems;
        }

        /** Builds a settings record; its own validation failures become problems of {@code section}. */
        <T> T build(String section, Supplier<T> build) {
            int before = problems.size();
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                if (problems.size() == before) {
                    problems.add(section + ": " + e.getMessage());
                }
                return null; // only reached with a problem recorded: the result is Invalid
            }
        }

        String string(String path) {
            try {
                return config.getString(path);
            } catch (ConfigException e) {
                return fail(path, describe(e), "");
            }
        }

        Optional<String> optionalString(String path) {
            String value = string(path).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int intBetween(String path, int min, int max) {
            try {
                int value = config.getInt(path);
                if (value < min || value > max) {
                    return fail(path, "must be between " + min + " and " + max + ", was " + value, min);
                }
                return value;
            } catch (ConfigException e) {
                return fail(path, describe(e), min);
            }
        }

        /** A number in [0, 1). */
        double fraction(String path) {
            try {
                double value = config.getDouble(path);
                if (!(value >= 0 && value < 1)) {
                    return fail(path, "must be at least 0 and less than 1, was " + value, 0.0);
                }
                return value;
            } catch (ConfigException e) {
                return fail(path, describe(e), 0.0);
            }
        }

        /** A date ({@code 2025-01-01}, midnight UTC) or an ISO-8601 instant. */
        java.time.Instant instant(String path) {
            String text = string(path).trim();
            try {
                return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        : java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return fail(path, "not a date (2025-01-01) or an ISO-8601 instant, was " + text,
                        java.time.Instant.EPOCH);
            }
        }

        boolean bool(String path) {
            try {
                return config.getBoolean(path);
            } catch (ConfigException e) {
                return fail(path, describe(e), false);
            }
        }

        long longAtLeast(String path, long min) {
            try {
                long value = config.getLong(path);
                if (value < min) {
                    return fail(path, "must be at least " + min + ", was " + value, min);
                }
                return value;
            } catch (ConfigException e) {
                return fail(path, describe(e), min);
            }
        }

        /**
         * Reward vaults: a comma-separated string or a list whose entries are addresses (using the
         * default event and start block) or objects {@code {address, event, start-block}}.
         */
        List<VaultSource> vaults(String path, ClaimEvent defaultEvent, long defaultStart) {
            List<VaultSource> vaults = new ArrayList<>();
            List<? extends com.typesafe.config.ConfigValue> entries;
            try {
                var value = config.getValue(path);
                if (value.valueType() == ConfigValueType.STRING) {
                    entries = Arrays.stream(config.getString(path).split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .map(com.typesafe.config.ConfigValueFactory::fromAnyRef)
                            .toList();
                } else {
                    entries = config.getList(path);
                }
            } catch (ConfigException e) {
                return fail(path, describe(e), List.of());
            }
            for (int i = 0; i < entries.size(); i++) {
                var entry = entries.get(i);
                String where = "entry " + (i + 1);
                try {
                    if (entry.valueType() == ConfigValueType.STRING) {
                        vaults.add(new VaultSource((String) entry.unwrapped(), defaultEvent, defaultStart));
                    } else if (entry.valueType() == ConfigValueType.OBJECT) {
                        Config vault = ((com.typesafe.config.ConfigObject) entry).toConfig();
                        Set<String> unknown = new TreeSet<>(vault.root().keySet());
                        unknown.removeAll(Set.of("address", "event", "start-block"));
                        if (!unknown.isEmpty()) {
                            fail(path, where + ": unknown key(s) " + unknown + " (allowed: address, event, start-block)", null);
                            continue;
                        }
                        ClaimEvent event = vault.hasPath("event")
                                ? ClaimEvent.valueOf(vault.getString("event").trim().toUpperCase(Locale.ROOT))
                                : defaultEvent;
                        long start = vault.hasPath("start-block") ? vault.getLong("start-block") : defaultStart;
                        vaults.add(new VaultSource(vault.getString("address"), event, start));
                    } else {
                        fail(path, where + ": must be an address or an object with an address", null);
                    }
                } catch (ConfigException e) {
                    fail(path, where + ": " + describe(e), null);
                } catch (IllegalArgumentException e) {
                    fail(path, where + ": " + (e.getMessage() != null && e.getMessage().startsWith("No enum")
                            ? "event must be pol or legacy" : e.getMessage()), null);
                }
            }
            return vaults;
        }

        Duration duration(String path) {
            try {
                return config.getDuration(path);
            } catch (ConfigException e) {
                return fail(path, describe(e), Duration.ZERO);
            }
        }

        Duration positiveDuration(String path) {
            Duration value = duration(path);
            if (value.isNegative() || value.isZero()) {
                return fail(path, "must be positive, was " + value, Duration.ofSeconds(1));
            }
            return value;
        }

        Path path(String path) {
            String value = string(path);
            try {
                if (value.isBlank()) {
                    return fail(path, "must not be empty", Path.of("."));
                }
                return Path.of(value);
            } catch (InvalidPathException e) {
                return fail(path, "not a valid path: " + e.getReason(), Path.of("."));
            }
        }

        /** A list, or one comma-separated string (as environment variables give it); blank entries dropped. */
        List<String> stringList(String path) {
            List<String> raw;
            try {
                raw = config.getValue(path).valueType() == ConfigValueType.LIST
                        ? config.getStringList(path)
                        : Arrays.asList(config.getString(path).split(","));
            } catch (ConfigException e) {
                return fail(path, describe(e), List.of());
            }
            return raw.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        }

        Optional<URI> optionalUrl(String path) {
            Optional<String> text = optionalString(path);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                URI url = new URI(text.get().trim());
                if (url.getScheme() != null && url.getScheme().matches("https?") && url.getHost() != null
                        && url.getRawQuery() == null && url.getRawFragment() == null) {
                    return Optional.of(url);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            return fail(path, "not an absolute http(s) URL without query or fragment", Optional.empty());
        }

        List<URI> urls(String path) {
            List<String> raw = stringList(path);
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String text = raw.get(i).trim();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    URI url = new URI(text);
                    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                        fail(path, "entry " + (i + 1) + " is not an absolute http(s) URL", null);
                    } else {
                        urls.add(url);
                    }
                } catch (URISyntaxException e) {
                    // the text may hold an API key: say where, never what
                    fail(path, "entry " + (i + 1) + " is not a valid URL", null);
                }
            }
            return urls;
        }

        OptionalLong snowflake(String path) {
            Optional<String> value = optionalString(path);
            if (value.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                long id = Long.parseLong(value.get());
                if (id > 0) {
                    return OptionalLong.of(id);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return fail(path, "must be a Discord id (a positive number), was \"" + value.get() + "\"", OptionalLong.empty());
        }

        SietchSettings.Log.Level logLevel(String path) {
            String value = string(path).trim().toUpperCase(Locale.ROOT);
            if (value.equals("FATAL")) {
                return SietchSettings.Log.Level.ERROR; // the predecessor's highest level
            }
            return oneOf(path, SietchSettings.Log.Level.class, SietchSettings.Log.Level.INFO);
        }

        <E extends Enum<E>> E oneOf(String path, Class<E> type, E fallback) {
            String value = string(path).trim();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            String allowed = String.join(" | ",
                    Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            return fail(path, "must be one of " + allowed + ", was \"" + value + "\"", fallback);
        }

        private String describe(ConfigException e) {
            if (e instanceof ConfigException.Missing) {
                return "missing";
            }
            if (e instanceof ConfigException.WrongType || e instanceof ConfigException.BadValue) {
                // Typesafe's message names the key and origin, not the value
                String message = e.getMessage();
                int colon = message.lastIndexOf(": ");
                return colon >= 0 ? message.substring(colon + 2) : message;
            }
            return e.getMessage();
        }

        <T> T fail(String path, String problem, T fallback) {
            EnvironmentVariable variable = setBy.get(path);
            boolean secret = variable != null ? variable.secret() : SECRET_KEYS.contains(path);
            problems.add(where(path) + ": " + (secret ? "invalid value (not shown)" : problem));
            return fallback;
        }

        /** A problem whose text is known not to contain the value, shown even for a secret key. */
        void failShowing(String path, String problem) {
            problems.add(where(path) + ": " + problem);
        }

        private String where(String path) {
            EnvironmentVariable variable = setBy.get(path);
            return variable == null ? path : path + " (from " + variable.name() + ")";
        }
    }
}
