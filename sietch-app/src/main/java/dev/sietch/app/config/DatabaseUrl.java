package dev.sietch.app.config;

import dev.sietch.store.PostgresSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database named by URL: {@code sqlite:PATH} (one instance, the embedded default) or
 * {@code postgresql://[USER@]HOST[:PORT]/DATABASE[?PARAMETERS]} (several instances). A password
 * never comes in the URL, where it would show in process lists and logs.
 */
public sealed interface DatabaseUrl {

    /** The environment variable the PostgreSQL password comes from. */
    String PASSWORD_VARIABLE = "SIETCH_POSTGRES_PASSWORD";

    /** The role connected as when the URL names none. */
    String DEFAULT_USER = "sietch";

    record Sqlite(Path file) implements DatabaseUrl {}

    /** @param jdbcUrl {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMETERS]} */
    record Postgres(String jdbcUrl, String user) implements DatabaseUrl {

        public PostgresSettings settings(String password, int maxPoolSize, Duration connectTimeout) {
            return new PostgresSettings(jdbcUrl, user, password, maxPoolSize, connectTimeout);
        }
    }

    /** {@code postgresql://[user@]hosts/database[?query]}: the hosts as the JDBC driver takes them. */
    Pattern POSTGRES = Pattern.compile("postgresql://(?:([^@/?]+)@)?([^@/?]+)/([^/?]+)(?:\\?(.*))?");

    /** @throws IllegalArgumentException with what is wrong (never the URL's secrets: there are none) */
    static DatabaseUrl parse(String url) {
        if (url.startsWith("sqlite:")) {
            String file = url.substring("sqlite:".length());
            if (file.isBlank()) {
                throw new IllegalArgumentException("expected sqlite:PATH, was " + url);
            }
            return new Sqlite(Path.of(file));
        }
        if (!url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("expected sqlite:PATH or postgresql://[USER@]HOST[:PORT]/DATABASE, was "
                    + redacted(url));
        }
        // by hand, not java.net.URI: that drops host names with '_' (common for containers) and
        // IPv6 literals come through as the driver takes them
        Matcher parts = POSTGRES.matcher(url);
        if (!parts.matches()) {
            throw new IllegalArgumentException("expected postgresql://[USER@]HOST[:PORT]/DATABASE, was " + redacted(url));
        }
        String userInfo = parts.group(1);
        String query = parts.group(4);
        if (userInfo != null && userInfo.contains(":")
                || query != null && Pattern.compile("(?i)(^|&)(ssl)?password=").matcher(query).find()) {
            throw new IllegalArgumentException("no password in the URL; set " + PASSWORD_VARIABLE + " instead");
        }
        String jdbc = "jdbc:postgresql://" + parts.group(2) + "/" + parts.group(3) + (query != null ? "?" + query : "");
        return new Postgres(jdbc, userInfo != null ? URLDecoder.decode(userInfo, StandardCharsets.UTF_8) : DEFAULT_USER);
    }

    /** The URL with whatever sits before an {@code @} hidden: a refused URL may hold a password. */
    private static String redacted(String url) {
        int at = url.lastIndexOf('@');
        return at < 0 ? url : "…" + url.substring(at);
    }
}
