package dev.sietch.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.http.HttpSettings;
import dev.sietch.http.MutableClock;
import dev.sietch.http.internal.json.ProbeBodies;
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
                Route.get("/slow", Route.Access.PUBLIC, "probe", ProbeBodies.Slow.class, call -> {
                    slowStarted.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    call.ok(new ProbeBodies.Slow(true));
                }),
                Route.get("/fast", Route.Access.PUBLIC, "probe", ProbeBodies.Fast.class,
                        call -> call.ok(new ProbeBodies.Fast(true)))),
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

    @Test
    void aRequestOnAConnectionOpenedBeforeTheStopIsServed_afterTheListenerClosed() throws Exception {
        HttpServer server = HttpServer.start(new HttpSettings("127.0.0.1", 0).withRateLimits(
                        new HttpSettings.RateLimits(0, 0, 0)), List.of(
                Route.get("/fast", Route.Access.PUBLIC, "probe", ProbeBodies.Fast.class,
                        call -> call.ok(new ProbeBodies.Fast(true)))),
                new SimpleMeterRegistry(), new MutableClock(Instant.parse("2026-11-26T12:00:00Z")));
        int port = server.address().getPort();
        try (var idle = new java.net.Socket("127.0.0.1", port)) {
            idle.setSoTimeout(5000);
            // a proxy's pooled connection: used once (so the server has accepted it), idle when the
            // stop begins (nothing in flight)
            idle.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: sietch\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var first = new StringBuilder();
            while (!first.toString().endsWith("{\"fast\":true}")) {
                int b = idle.getInputStream().read();
                assertThat(b).as("the first response ended early: " + first).isNotNegative();
                first.append((char) b);
            }
            assertThat(first.toString()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) { // until the listener is closed: new connections are refused
                try (var probe = new java.net.Socket("127.0.0.1", port)) {
                    assertThat(System.nanoTime()).as("listener still open").isLessThan(deadline);
                    Thread.sleep(5);
                } catch (IOException refused) {
                    break;
                }
            }
            idle.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: sietch\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(idle.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close")
                    .endsWith("{\"fast\":true}");
            stopped.get(10, TimeUnit.SECONDS);
        }
    }
}
