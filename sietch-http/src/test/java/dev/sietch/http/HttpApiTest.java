package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.SyncHealth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /health, /metrics, routing rules and the headers every response carries. */
final class HttpApiTest {

    @RegisterExtension
    final TestApi api = new TestApi();

    @Test
    void reportsHealthy_whenNeverSynced() throws Exception {
        var response = api.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body())
                .isEqualTo("{\"status\":\"healthy\",\"last_successful_query\":null,"
                        + "\"next_query\":\"2026-11-26T18:00:00.000Z\",\"grace_period\":false}");
    }

    @Test
    void reportsDegradedWithStill200_whenInGracePeriod() throws Exception {
        // given: a sync that failed while the grace period was in force
        var grace = new SyncHealth(Optional.of(Instant.parse("2026-11-25T06:00:00Z")),
                Optional.of(Instant.parse("2026-11-26T11:00:00Z")), 4, Optional.of(Instant.parse("2026-11-25T12:00:00Z")), true);
        api.store.eligibility().commitFailure(Instant.parse("2026-11-26T11:00:00Z"), grace, List.of());

        // when
        var response = api.get("/health");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"degraded\",\"last_successful_query\":\"2026-11-25T06:00:00.000Z\","
                        + "\"next_query\":\"2026-11-25T12:00:00.000Z\",\"grace_period\":true}");
    }

    @Test
    void servesPrometheusText() throws Exception {
        var response = api.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo("# HELP up Whether the service is up\n# TYPE up gauge\nup 1\n");
    }

    @Test
    void routesAsThePredecessorDid_caseInsensitiveTrailingSlashHead_and404ForWrongMethod() throws Exception {
        assertThat(api.get("/HEALTH").statusCode()).isEqualTo(200);
        assertThat(api.get("/health/").statusCode()).isEqualTo(200);
        var head = api.send("HEAD", "/health", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        for (var response : List.of(api.get("/nope"), api.send("POST", "/health", null), api.send("DELETE", "/eligibility", null),
                api.get("/health/extra"), api.get("//health"), api.get("/api/unknown"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"Not found\"}");
        }
    }

    @Test
    void answersInternalServerErrorWithoutDetail_whenTheStoreFails() throws Exception {
        // given: a table is gone from under the service
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + api.store.file());
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE audit_log");
        }

        // when
        var response = api.send("GET", "/admin/audit-log", null, "X-API-Key", TestApi.ADMIN_KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"Internal server error\"}");
        assertThat(api.get("/health").statusCode()).isEqualTo(200); // and the server goes on
    }

    @Test
    void everyResponseCarriesRequestIdCorsAndSecurityHeaders_andNoServerBanner() throws Exception {
        var echoed = api.get("/eligibility", "X-Request-ID", "abc-123");
        var generated = api.get("/nowhere");
        var forged = api.get("/health", "X-Request-ID", "a b\tc");
        var preflight = api.send("OPTIONS", "/admin/anything", null);
        var unauthorised = api.get("/admin/overrides");

        assertThat(echoed.headers().firstValue("X-Request-ID")).contains("abc-123");
        assertThat(generated.statusCode()).isEqualTo(404);
        assertThat(generated.headers().firstValue("X-Request-ID").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(forged.headers().firstValue("X-Request-ID").orElseThrow()).doesNotContain(" ").hasSize(36);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.body()).isEmpty();
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        for (var response : List.of(echoed, generated, forged, preflight, unauthorised)) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, PUT, DELETE, OPTIONS");
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                    .contains("Content-Type, X-API-Key, X-Request-ID, X-Member-Nym, Authorization");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }
}
