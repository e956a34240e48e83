package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.SyncHealth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Undertow on a free loopback port, called with java.net.http. */
final class HttpApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final AtomicReference<SyncHealth> health = new AtomicReference<>(SyncHealth.NEVER_SYNCED);
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi api;

    @BeforeEach
    void start() {
        api = HttpApi.start(
                new HttpSettings("127.0.0.1", 0),
                new HttpApi.Sources(health::get, Duration.ofHours(6), () -> "# TYPE up gauge\nup 1\n",
                        InMemoryRankings.EMPTY, RankingPolicy.DEFAULT, CLOCK));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void reportsHealthy_whenNeverSynced() throws Exception {
        // when
        var response = get("/health");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body())
                .isEqualTo("{\"status\":\"healthy\",\"last_successful_query\":null,"
                        + "\"next_query\":\"2026-11-25T18:00:00Z\",\"grace_period\":false}");
    }

    @Test
    void reportsDegradedWithStill200_whenInGracePeriod() throws Exception {
        // given
        health.set(new SyncHealth(Optional.of(Instant.parse("2026-11-24T06:00:00Z")), Optional.empty(), 4, Optional.empty(), true));

        // when
        var response = get("/health");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"degraded\",\"last_successful_query\":\"2026-11-24T06:00:00Z\","
                        + "\"next_query\":\"2026-11-24T12:00:00Z\",\"grace_period\":true}");
    }

    @Test
    void servesPrometheusText() throws Exception {
        var response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo("# TYPE up gauge\nup 1\n");
    }

    @Test
    void answersNotFoundAsJson_forUnknownRouteAndWrongMethod() throws Exception {
        var unknown = get("/nope");
        var wrongMethod = client.send(
                HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Not found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.body()).isEqualTo("{\"error\":\"Not found\"}");
    }

    @Test
    void answersInternalServerErrorWithoutDetail_whenASourceFails() throws Exception {
        // given
        api.close();
        api = HttpApi.start(
                new HttpSettings("127.0.0.1", 0),
                new HttpApi.Sources(() -> {
                    throw new IllegalStateException("disk on fire at /secret/path");
                }, Duration.ofHours(6), () -> "", InMemoryRankings.EMPTY, RankingPolicy.DEFAULT, CLOCK));

        // when
        var response = get("/health");

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"Internal server error\"}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.address().getPort() + path);
    }
}
