package dev.sietch.app.config;

import dev.sietch.store.PostgresSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")
                || uri.getRawQuery() != null && Pattern.compile("(?i)(^|&)(ssl)?password=").matcher(uri.getRawQuery()).find()) {
            throw new IllegalArgumentException("no password in the URL; set " + PASSWORD_VARIABLE + " instead");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("expected postgresql://[USER@]HOST[:PORT]/DATABASE, was " + url);
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return new Postgres(jdbc, uri.getUserInfo() != null ? uri.getUserInfo() : DEFAULT_USER);
    }

    /** The URL with whatever sits before an {@code @} hidden: a refused URL may hold a password. */
    private static String redacted(String url) {
        int at = url.lastIndexOf('@');
        return at < 0 ? url : "…" + url.substring(at);
    }
}
