package dev.sietch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code DATABASE_URL}: what the JDBC driver would take passes through; a password never does. */
final class DatabaseUrlTest {

    @Test
    void readsTheHostsAsTheDriverTakesThem() {
        assertThat(DatabaseUrl.parse("postgresql://db_host:5433/sietch")).isEqualTo(
                new DatabaseUrl.Postgres("jdbc:postgresql://db_host:5433/sietch", "sietch"));
        assertThat(DatabaseUrl.parse("postgresql://ops%40team@[::1]:5432/sietch?sslmode=require")).isEqualTo(
                new DatabaseUrl.Postgres("jdbc:postgresql://[::1]:5432/sietch?sslmode=require", "ops@team"));
        assertThat(DatabaseUrl.parse("postgresql://a.internal,b.internal:5433/my%2Bdb")).isEqualTo(
                new DatabaseUrl.Postgres("jdbc:postgresql://a.internal,b.internal:5433/my%2Bdb", "sietch"));
        assertThat(DatabaseUrl.parse("sqlite:data/s.db")).isEqualTo(new DatabaseUrl.Sqlite(Path.of("data/s.db")));
    }

    @Test
    void refusesMalformedUrls_andPasswords_withoutShowingThem() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p%40ss@h/db"))
                .hasMessage("no password in the URL; set SIETCH_POSTGRES_PASSWORD instead");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@ss@h/db"))
                .hasMessageNotContaining("p@ss").hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?sslpassword=x"))
                .hasMessageContaining("no password in the URL");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h")).hasMessageContaining("expected postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:")).hasMessageContaining("expected sqlite:PATH");
    }
}
