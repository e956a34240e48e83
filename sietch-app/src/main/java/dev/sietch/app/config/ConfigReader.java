package dev.sietch.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Typed reads of the stacked configuration that collect problems instead of stopping at the
 * first, so an operator sees every mistake at once. Each problem names its key and the
 * environment variable that set it; the value of a secret is never shown.
 */
final class ConfigReader {

    /** Keys whose values are secrets wherever they are set: problems with them never show the value. */
    static final Set<String> SECRET_KEYS =
            Set.of("sietch.discord.token", "sietch.http.admin-keys", "sietch.http.member-token-secret",
                    "sietch.database.password");

    private final Config config;
    private final Map<String, EnvironmentVariable> setBy;
    private final List<String> problems = new ArrayList<>();

    ConfigReader(Config config, Map<String, EnvironmentVariable> setBy) {
        this.config = config;
        this.setBy = setBy;
    }

    /** Every problem so far, in the order found. */
    List<String> problems() {
        return problems;
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
    Instant instant(String path) {
        String text = string(path).trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fail(path, "not a date (2025-01-01) or an ISO-8601 instant, was " + text, Instant.EPOCH);
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

    /**
     * The entries of a list whose entries may be strings or objects, or of one comma-separated
     * string (each part a string entry; blank parts dropped).
     */
    List<? extends ConfigValue> entries(String path) {
        try {
            var value = config.getValue(path);
            if (value.valueType() == ConfigValueType.STRING) {
                return Arrays.stream(config.getString(path).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(ConfigValueFactory::fromAnyRef)
                        .toList();
            }
            return config.getList(path);
        } catch (ConfigException e) {
            return fail(path, describe(e), List.of());
        }
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

    /** What is wrong, without the value: Typesafe's message names the key and origin, not the value. */
    static String describe(ConfigException e) {
        if (e instanceof ConfigException.Missing) {
            return "missing";
        }
        if (e instanceof ConfigException.WrongType || e instanceof ConfigException.BadValue) {
            String message = e.getMessage();
            int colon = message.lastIndexOf(": ");
            return colon >= 0 ? message.substring(colon + 2) : message;
        }
        return e.getMessage();
    }

    /** Records a problem with {@code path} (its text hidden for a secret) and returns {@code fallback}. */
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
