package dev.sietch.chain.internal;

import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.EndpointHealth;
import dev.sietch.core.port.ChainUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.Response;

/**
 * JSON-RPC over several endpoints. Each call goes to the healthiest endpoint first (fewest
 * failures in a row, then configured order), fails over to the next on an outage, a timeout or a
 * rate limit (an endpoint that sent {@code Retry-After} is not asked again before it), and after a
 * round in which every endpoint failed, backs off exponentially with full jitter. A refusal of an
 * {@code eth_getLogs} range is not an outage: it is thrown as {@link RangeRefusedException} so the
 * scanner can split the range.
 */
public final class RpcClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RpcClient.class);

    /** Statuses of a gateway that gave up waiting for the node (request timeout, gateway timeout, Cloudflare's 524). */
    private static final java.util.Set<Integer> GATEWAY_TIMEOUTS = java.util.Set.of(408, 504, 524);

    private final List<RpcEndpoint> endpoints;
    private final HttpClient http;
    private final ChainSettings.Retry retry;
    private final Clock clock;

    public RpcClient(List<URI> urls, ChainSettings.Retry retry, MeterRegistry registry, Clock clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one RPC URL is needed");
        }
        this.retry = retry;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(retry.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
                        ? retry.requestTimeout() : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        List<RpcEndpoint> list = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            String redacted = ChainSettings.redact(urls.get(i));
            int seen = names.merge(redacted, 1, Integer::sum);
            String name = seen == 1 ? redacted : redacted + "#" + seen;
            list.add(new RpcEndpoint(i, name, new JsonRpcHttp(urls.get(i), http, retry.requestTimeout()), registry,
                    clock));
        }
        this.endpoints = List.copyOf(list);
    }

    public List<EndpointHealth> health() {
        Instant now = clock.instant();
        return endpoints.stream().map(e -> e.health(now)).toList();
    }

    /**
     * Sends one request, failing over and retrying as described above.
     *
     * @throws RangeRefusedException if the method is {@code eth_getLogs} and an endpoint refuses the
     *     range, or every endpoint timed out in a round
     * @throws ChainUnavailableException if every round failed
     */
    public <T extends Response<?>> T call(String method, List<?> params, Class<T> type) {
        return call(method, params, type, false);
    }

    /**
     * Like {@link #call}, but a JSON-RPC error other than a rate limit is an answer, returned
     * without failing over (e.g. an endpoint that does not support a block tag).
     */
    public <T extends Response<?>> T callAnswering(String method, List<?> params, Class<T> type) {
        return call(method, params, type, true);
    }

    private <T extends Response<?>> T call(String method, List<?> params, Class<T> type, boolean errorsAreAnswers) {
        boolean logs = method.equals("eth_getLogs");
        String last = "";
        for (int round = 0; round < retry.maxAttempts(); round++) {
            int tried = 0;
            int timeouts = 0;
            for (RpcEndpoint endpoint : order()) {
                if (endpoint.coolingDown(clock.instant())) {
                    continue;
                }
                tried++;
                try {
                    T response = endpoint.send(method, params, type);
                    if (!response.hasError()) {
                        endpoint.succeeded();
                        return response;
                    }
                    Response.Error error = response.getError();
                    String message = endpoint.scrub(error.getMessage() == null ? "" : error.getMessage());
                    if (isRateLimit(error.getCode(), message)) {
                        rateLimited(endpoint, java.util.Optional.empty(), message);
                    } else if (errorsAreAnswers) {
                        endpoint.succeeded();
                        return response;
                    } else if (logs && refusesRange(message)) {
                        endpoint.succeeded(); // it answered; the range is the problem
                        throw new RangeRefusedException(endpoint.name() + ": " + message, false);
                    } else {
                        endpoint.failed("rpc_error", error.getCode() + " " + message, clock.instant(),
                                retry.baseDelay(), retry.maxDelay());
                    }
                    last = endpoint.name() + ": " + method + " error " + error.getCode() + " " + message;
                } catch (RpcHttpException e) {
                    last = endpoint.name() + ": " + method + " " + e.getMessage();
                    if (e.status() == 429) {
                        rateLimited(endpoint, e.retryAfter(), e.getMessage());
                    } else if (logs && (e.status() == 413 || refusesRange(e.getMessage()))) {
                        endpoint.succeeded();
                        throw new RangeRefusedException(endpoint.name() + ": " + e.getMessage(), false);
                    } else if (GATEWAY_TIMEOUTS.contains(e.status())) {
                        timeouts++; // a proxy in front of the node gave up waiting: like our own timeout
                        endpoint.failed("timeout", e.getMessage(), clock.instant(), retry.baseDelay(), retry.maxDelay());
                    } else {
                        e.retryAfter().ifPresent(wait -> endpoint.coolDown(clock.instant().plus(capped(wait))));
                        endpoint.failed(e.status() >= 500 ? "http_5xx" : "http_" + e.status(), e.getMessage(),
                                clock.instant(), retry.baseDelay(), retry.maxDelay());
                    }
                } catch (HttpConnectTimeoutException e) {
                    last = endpoint.name() + ": " + method + " could not connect in time";
                    endpoint.failed("connect", "no connection in time", clock.instant(), retry.baseDelay(),
                            retry.maxDelay());
                } catch (HttpTimeoutException e) {
                    timeouts++; // connected, but no answer in time: for eth_getLogs, maybe too much work
                    last = endpoint.name() + ": " + method + " timed out after " + retry.requestTimeout().toMillis() + " ms";
                    endpoint.failed("timeout", "no answer in " + retry.requestTimeout(), clock.instant(),
                            retry.baseDelay(), retry.maxDelay());
                } catch (InterruptedIOException e) {
                    Thread.currentThread().interrupt();
                    throw new ChainUnavailableException("interrupted while reading the chain", e);
                } catch (IOException e) {
                    String detail = e.getMessage() == null ? "" : endpoint.scrub(e.getMessage());
                    last = endpoint.name() + ": " + method + " failed: " + e.getClass().getSimpleName() + " " + detail;
                    endpoint.failed("io", detail, clock.instant(), retry.baseDelay(), retry.maxDelay());
                }
                log.debug("RPC failover after {}", last);
            }
            if (logs && tried > 0 && timeouts == tried) {
                throw new RangeRefusedException("every endpoint timed out", true);
            }
            if (round + 1 < retry.maxAttempts()) {
                pause(round);
            }
        }
        throw new ChainUnavailableException("all " + endpoints.size() + " RPC endpoint(s) failed " + retry.maxAttempts()
                + " round(s); last: " + (last.isEmpty() ? "every endpoint cooling down" : last));
    }

    /** Healthy endpoints first, then by failures in a row, then in configured order. */
    private List<RpcEndpoint> order() {
        List<RpcEndpoint> sorted = new ArrayList<>(endpoints);
        sorted.sort(Comparator.comparingInt((RpcEndpoint e) -> Math.min(e.consecutiveFailures(), RpcEndpoint.UNHEALTHY_AFTER))
                .thenComparingInt(RpcEndpoint::index));
        return sorted;
    }

    private void rateLimited(RpcEndpoint endpoint, java.util.Optional<Duration> retryAfter, String detail) {
        Duration wait = capped(retryAfter.orElse(retry.baseDelay()));
        endpoint.coolDown(clock.instant().plus(wait));
        endpoint.failed("rate_limited", detail, clock.instant(), retry.baseDelay(), retry.maxDelay());
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : wait;
    }

    /**
     * Waits before the next round: exponential back-off with full jitter, but at least until the
     * first endpoint's cool-down ends (so a {@code Retry-After} is honoured, not raced).
     */
    private void pause(int round) {
        long ceiling = Math.min(retry.maxDelay().toMillis(), retry.baseDelay().toMillis() << Math.min(round, 20));
        long wait = ThreadLocalRandom.current().nextLong(ceiling + 1);
        Instant now = clock.instant();
        Instant firstAvailable = endpoints.stream().map(RpcEndpoint::coolDownUntil).min(Comparator.naturalOrder())
                .orElse(now);
        if (firstAvailable.isAfter(now)) {
            wait = Math.max(wait, Duration.between(now, firstAvailable).toMillis() + 1);
        }
        try {
            Thread.sleep(Math.min(wait, retry.maxDelay().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while backing off", e);
        }
    }

    static boolean isRateLimit(long code, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        return code == 429 || text.contains("rate limit") || text.contains("too many requests")
                || text.contains("request rate") || text.contains("exceeded the rate");
    }

    /** Providers word range refusals differently; these cover geth, Erigon, Alchemy, Infura, QuickNode, Ankr, anvil. */
    static boolean refusesRange(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        boolean aboutRange = text.contains("range")
                && (text.contains("limit") || text.contains("exceed") || text.contains("too") || text.contains("max"));
        return aboutRange || text.contains("block range") || text.contains("range too") || text.contains("range is too")
                || text.contains("range limit") || text.contains("max range") || text.contains("maximum range")
                || text.contains("query returned more than") || text.contains("too many results")
                || text.contains("too many logs") || text.contains("too many blocks") || text.contains("response size")
                || text.contains("response is too big") || text.contains("exceeds max results")
                || text.contains("limit exceeded") && text.contains("log") || text.contains("query timeout")
                || text.contains("query timed out");
    }

    @Override
    public void close() {
        http.close();
    }
}
