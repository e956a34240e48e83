package dev.sietch.chain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC proxy on a loopback port in front of a real node. It records every request (method
 * and, for {@code eth_getLogs}, the block range) and can misbehave on purpose: answer with HTTP
 * 500, stall past the client's timeout, answer 429 with {@code Retry-After}, or refuse
 * {@code eth_getLogs} ranges wider than a limit the way hosted providers do.
 */
final class FaultProxy implements AutoCloseable {

    /** What the proxy does with the next requests. */
    enum Mode { PASS, HTTP_500, STALL, RATE_LIMIT }

    /** One request seen: its JSON-RPC method, and for eth_getLogs its range. */
    record Call(String method, long fromBlock, long toBlock, long atNanos) {}

    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([a-zA-Z_0-9]+)\"");
    private static final Pattern FROM = Pattern.compile("\"fromBlock\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");
    private static final Pattern TO = Pattern.compile("\"toBlock\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.PASS;
    private volatile long maxRange = Long.MAX_VALUE;
    private volatile Duration stall = Duration.ofSeconds(5);
    private volatile int retryAfterSeconds = 1;
    private volatile int failAfter = Integer.MAX_VALUE;
    private volatile int rateLimitFirst;
    private volatile boolean noFinalizedTag;
    private volatile Duration latency = Duration.ZERO;
    private volatile long stallRangesOver = Long.MAX_VALUE;

    FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/SECRET-KEY");
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** Refuse eth_getLogs over more than this many blocks, as providers do. */
    void maxRange(long blocks) {
        this.maxRange = blocks;
    }

    void stall(Duration stall) {
        this.stall = stall;
    }

    /** From the n-th request on (counting from the last {@link #clear}), answer HTTP 500. */
    void failAfter(int requests) {
        this.failAfter = requests;
    }

    /** Answer the first n requests (counting from the last {@link #clear}) with 429 and Retry-After. */
    void rateLimitFirst(int requests) {
        this.rateLimitFirst = requests;
    }

    /** Answer requests for the {@code finalized} block tag with an error, as endpoints without it do. */
    void noFinalizedTag() {
        this.noFinalizedTag = true;
    }

    /** Stall (see {@link #stall}) on eth_getLogs over more than this many blocks, as an overloaded node does. */
    void stallRangesOver(long blocks) {
        this.stallRangesOver = blocks;
    }

    /** Delay every answer by this much, as the round trip to a hosted endpoint would. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    void retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    void clear() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String method = find(METHOD, body).orElse("?");
            long from = find(FROM, body).map(h -> Long.parseLong(h, 16)).orElse(-1L);
            long to = find(TO, body).map(h -> Long.parseLong(h, 16)).orElse(-1L);
            calls.add(new Call(method, from, to, System.nanoTime()));
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            Mode now = calls.size() > failAfter ? Mode.HTTP_500 : calls.size() <= rateLimitFirst ? Mode.RATE_LIMIT : mode;
            if (method.equals("eth_getLogs") && from >= 0 && to - from + 1 > stallRangesOver) {
                now = Mode.STALL;
            }
            switch (now) {
                case HTTP_500 -> {
                    // error pages often echo the request path: where hosted endpoints keep the API key
                    respond(exchange, 500, "upstream exploded at " + exchange.getRequestURI());
                    return;
                }
                case STALL -> {
                    Thread.sleep(stall.toMillis());
                    respond(exchange, 504, "too late");
                    return;
                }
                case RATE_LIMIT -> {
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                    respond(exchange, 429, "{\"error\":\"too many requests\"}");
                    return;
                }
                case PASS -> { }
            }
            if (noFinalizedTag && body.contains("\"finalized\"")) {
                respond(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + find(ID, body).orElse("1")
                        + ",\"error\":{\"code\":-32602,\"message\":\"invalid block tag: finalized\"}}");
                return;
            }
            if (method.equals("eth_getLogs") && from >= 0 && to - from + 1 > maxRange) {
                String id = find(ID, body).orElse("1");
                respond(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32005,"
                        + "\"message\":\"query exceeds max block range " + maxRange + "\"}}");
                return;
            }
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(upstream)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static java.util.Optional<String> find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
