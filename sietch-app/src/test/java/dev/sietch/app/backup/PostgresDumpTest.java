package dev.sietch.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.store.PostgresSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How pg_dump is pointed at the store's database: libpq's parameters from pgJDBC's URL. */
final class PostgresDumpTest {

    private static PostgresDump.Connection connection(String jdbcUrl) throws BackupException {
        return PostgresDump.Connection.of(new PostgresSettings(jdbcUrl, "o'brien", "secret", 2, Duration.ofSeconds(1)));
    }

    @Test
    void passesHostsPortsDatabaseAndLibpqParameters_neverThePassword() throws BackupException {
        var single = connection("jdbc:postgresql://db_host/sietch?currentSchema=s1&sslmode=require&tcpKeepAlive=true");
        assertThat(single.conninfo())
                .isEqualTo("host='db_host' port='5432' dbname='sietch' user='o\\'brien' sslmode='require'");
        assertThat(single.schemas()).containsExactly("s1");

        var several = connection("jdbc:postgresql://[::1]:5433,b.internal/my%2Bdb?ssl=true&currentSchema=a,b");
        assertThat(several.conninfo()).isEqualTo(
                "host='::1,b.internal' port='5433,5432' dbname='my+db' user='o\\'brien' sslmode='verify-full'");
        assertThat(several.schemas()).containsExactly("a", "b");
        assertThat(several.conninfo()).doesNotContain("secret");
    }

    @Test
    void readsTheTablesOfAListing() {
        String listing = """
                ;
                ; Archive created at 2026-11-27 01:00:00 UTC
                ;
                215; 1259 16386 TABLE s1 audit_log postgres
                3390; 0 16386 TABLE DATA s1 audit_log postgres
                3391; 0 16390 TABLE DATA s1 flyway_schema_history postgres
                """;
        assertThat(PostgresDump.tables(listing)).isEqualTo(List.of("audit_log", "flyway_schema_history"));
    }
}
