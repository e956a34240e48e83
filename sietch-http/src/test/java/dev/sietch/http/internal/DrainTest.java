package dev.sietch.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.http.HttpSettings;
import dev.sietch.http.MutableClock;
import dev.sietch.http.internal.json.Wire;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping drops no request: one in flight finishes, ones arriving during the stop are answered
 * (closing their connection) instead of 503, and afterwards connections are refused, which a
 * reverse proxy retries until the restarted service answers.
 */
final class DrainTest {

    @Test
    void requestsInFlightAndArrivingDuringTheStopAreAnswered_thenConnectionsAreRefused() throws Exception {
        var slowStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HttpServer server = HttpServer.start(new HttpSettings("127.0.0.1", 0).withRateLimits(
                        new HttpSettings.RateLimits(0, 0, 0)), List.of(
                Route.get("/slow", Route.Access.PUBLIC, "probe", call -> {
                    slowStarted.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    call.ok(Wire.object("slow", true));
                }),
                Route.get("/fast", Route.Access.PUBLIC, "probe", call -> call.ok(Wire.object("fast", true)))),
                new SimpleMeterRegistry(), new MutableClock(Instant.parse("2026-11-26T12:00:00Z")));
        String base = "http://127.0.0.1:" + server.address().getPort();

        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
        Thread.sleep(200); // the stop has begun and waits for /slow

        HttpResponse<String> during = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/fast")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(during.statusCode()).isEqualTo(200);
        assertThat(during.body()).isEqualTo("{\"fast\":true}");
        assertThat(during.headers().firstValue("Connection")).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
        assertThat(stopped).isNotDone();

        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopped.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                        HttpRequest.newBuilder(URI.create(base + "/fast")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
