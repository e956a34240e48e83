package dev.sietch.app.backup;

import dev.sietch.store.PostgresSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PostgreSQL store's backup: {@code pg_dump} in its custom format (compressed, one consistent
 * snapshot, restorable table by table with {@code pg_restore}), checked by listing it with
 * {@code pg_restore --list}. The host needs PostgreSQL's client programs of the server's major
 * version or newer. The password reaches {@code pg_dump} through its environment, never its
 * command line.
 */
final class PostgresDump {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    /** libpq's connection parameters passed on from the JDBC URL; pgJDBC's own (currentSchema…) are not libpq's. */
    private static final Set<String> PASSED_ON = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "application_name");

    private PostgresDump() {}

    /**
     * Dumps {@code database} to {@code partial}, checks it, syncs it to disk.
     *
     * @return the tables whose data the dump holds
     */
    static List<String> dump(PostgresSettings database, Path partial) throws BackupException {
        var connection = Connection.of(database);
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                "--file=" + partial));
        connection.schemas().forEach(schema -> command.add("--schema=" + schema));
        command.add("--dbname=" + connection.conninfo());
        run(command, database.password(), "pg_dump");
        List<String> tables = tables(run(List.of("pg_restore", "--list", partial.toString()), "", "pg_restore --list"));
        if (!tables.contains("flyway_schema_history")) {
            throw new BackupException("the dump holds no migration history: " + database.jdbcUrl()
                    + " is not a Sietch database (tables: " + tables + ")");
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new BackupException("cannot sync " + partial + ": " + e.getMessage());
        }
        return tables;
    }

    /** The tables with a TABLE DATA entry in a {@code pg_restore --list} listing. */
    static List<String> tables(String listing) {
        // e.g. "3456; 0 16390 TABLE DATA sietch audit_log sietch"
        return listing.lines().filter(line -> !line.startsWith(";") && line.contains(" TABLE DATA "))
                .map(line -> line.substring(line.indexOf(" TABLE DATA ") + " TABLE DATA ".length()).trim().split("\\s+"))
                .filter(parts -> parts.length >= 2).map(parts -> parts[1]).toList();
    }

    private static String run(List<String> command, String password, String what) throws BackupException {
        var environment = new java.util.HashMap<String, String>();
        if (!password.isEmpty()) {
            environment.put("PGPASSWORD", password);
        }
        if (System.getenv("PGCONNECT_TIMEOUT") == null) {
            environment.put("PGCONNECT_TIMEOUT", "10");
        }
        HostCommand.Outcome outcome;
        try {
            outcome = HostCommand.run(command, null, environment, LIMIT);
        } catch (IOException e) {
            throw new BackupException(command.getFirst() + " is not installed (PostgreSQL's client programs, e.g. the "
                    + "postgresql-client package): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted");
        }
        if (!outcome.ok()) {
            throw new BackupException(what + " failed (exit " + outcome.exitCode() + "): " + outcome.output().strip());
        }
        return outcome.output();
    }

    /** Where libpq connects, from the store's JDBC URL (hosts and ports as comma-separated lists, as both take them). */
    record Connection(String hosts, String ports, String database, String user, Map<String, String> parameters,
            List<String> schemas) {

        private static final java.util.regex.Pattern JDBC =
                java.util.regex.Pattern.compile("jdbc:postgresql://([^/?]+)/([^/?]+)(?:\\?(.*))?");
        private static final java.util.regex.Pattern HOST_PORT =
                java.util.regex.Pattern.compile("(\\[[^]]+]|[^:\\[\\]]+)(?::(\\d+))?");

        static Connection of(PostgresSettings settings) throws BackupException {
            var url = JDBC.matcher(settings.jdbcUrl());
            if (!url.matches()) {
                throw new BackupException("cannot read the hosts and database of " + settings.jdbcUrl() + " for pg_dump");
            }
            List<String> hosts = new ArrayList<>();
            List<String> ports = new ArrayList<>();
            for (String hostPort : url.group(1).split(",")) {
                var parts = HOST_PORT.matcher(hostPort);
                if (!parts.matches()) {
                    throw new BackupException("cannot read the host " + hostPort + " of " + settings.jdbcUrl());
                }
                String host = parts.group(1);
                hosts.add(host.startsWith("[") ? host.substring(1, host.length() - 1) : host); // libpq: no brackets
                ports.add(parts.group(2) != null ? parts.group(2) : "5432");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            List<String> schemas = new ArrayList<>();
            boolean ssl = false;
            if (url.group(3) != null) {
                for (String pair : url.group(3).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String key = decode(pair.substring(0, eq));
                    String value = decode(pair.substring(eq + 1));
                    if (key.equals("currentSchema")) {
                        for (String schema : value.split(",")) {
                            if (!schema.isBlank()) {
                                schemas.add(schema.strip());
                            }
                        }
                    } else if (key.equals("ssl")) {
                        ssl = value.equalsIgnoreCase("true") || value.isEmpty();
                    } else if (PASSED_ON.contains(key)) {
                        parameters.put(key, value);
                    }
                }
            }
            // pgJDBC's ssl=true checks the certificate and the host name; libpq's default would not
            if (ssl && !parameters.containsKey("sslmode")) {
                parameters.put("sslmode", "verify-full");
            }
            return new Connection(String.join(",", hosts), String.join(",", ports), decode(url.group(2)),
                    settings.user(), parameters, schemas);
        }

        /** libpq's {@code key=value} connection string, each value quoted. */
        String conninfo() {
            var text = new StringBuilder("host=" + quote(hosts) + " port=" + quote(ports) + " dbname=" + quote(database)
                    + " user=" + quote(user));
            parameters.forEach((key, value) -> text.append(' ').append(key).append('=').append(quote(value)));
            return text.toString();
        }

        private static String quote(String value) {
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }

        private static String decode(String text) {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }
}
