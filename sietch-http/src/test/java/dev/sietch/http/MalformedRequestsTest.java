package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 generated bad requests over raw sockets (random methods, paths, unicode, headers, bodies
 * that are malformed, huge, truncated, or lie about their length) against a populated store: none
 * may get a 5xx, none may hang (each connection must be answered or closed within a bound), and the
 * server must still be healthy afterwards.
 */
final class MalformedRequestsTest {

    private static final int REQUESTS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 15_000; // above the server's 10 s read timeout

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "get",
        "TRACE", "CONNECT", "FOO", "G\u00c9T", "", "GET GET", "\u0000"};
    private static final String[] PATHS = {"/eligibility", "/eligibility/{}", "/health", "/metrics", "/openapi.json",
        "/admin/override", "/admin/overrides", "/admin/override/{}", "/admin/audit-log", "/admin/health",
        "/api/{}", "/api/members/{}", "/{}", "/{}/{}", "", "*", "http://evil.example/health", "/%", "/%zz",
        "/..%2f..%2fetc/passwd", "/eligibility/%00", "/\u00e9\u00e8/\u2603", "/eligibility/0x" + "a".repeat(40)};
    private static final String[] QUERIES = {"", "?limit={}", "?since={}", "?event_type={}", "?limit={}&since={}",
        "?{}", "?limit=1&limit=2", "?%zz=1", "?limit=" + "9".repeat(400)};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
        "application/x-www-form-urlencoded", "APPLICATION/JSON", "application/json; charset=latin-1", "", "\u00ff/\u00ff"};
    private static final String[] BODIES = {"{}", "{", "}", "[]", "null", "\"x\"", "42", "true",
        "{\"address\":\"0x{}\",\"action\":\"add\",\"reason\":\"{}\"}", "{\"address\":null}", "{\"a\":1,\"a\":2}",
        "{\"expires_at\":\"{}\"}", "\u0000\u0001\u0002", "{\"reason\":\"\\ud800\"}", "{\"\u2603\":\"\u2603\"}",
        "[".repeat(5000), "{\"a\":" + "[".repeat(100) + "}", "{\"reason\":\"" + "r".repeat(20_000) + "\"}"};

    @RegisterExtension
    final TestApi api = new TestApi();

    @BeforeEach
    void start() {
        api.rank(120);
    }

    @Test
    void tenThousandMalformedRequests_noServerError_noHang_stillHealthy() throws Exception {
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var failures = new ConcurrentHashMap<String, String>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int seed = worker;
                work.add(pool.submit(() -> {
                    var random = new Random(20261126L + seed);
                    for (int i = seed; i < REQUESTS; i += 8) {
                        byte[] request = request(random);
                        try {
                            int status = exchange(request, random.nextInt(10) == 0);
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            if (status >= 500) {
                                failures.putIfAbsent("status " + status, printable(request));
                            }
                        } catch (SocketTimeoutException e) {
                            failures.putIfAbsent("hang", printable(request));
                        } catch (IOException e) {
                            // the server may reset a connection whose request it refused: that is an answer
                            statuses.computeIfAbsent(-2, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(failures).as("status counts %s", counts).isEmpty();
        // the generator reaches deep: validation errors, auth refusals, oversized bodies and successes all occur
        assertThat(counts).containsKeys(200, 400, 401, 403, 404, 413);
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
        assertThat(api.get("/eligibility/" + TestApi.wallet(1).value()).body()).contains("\"eligible\":true");
    }

    @Test
    void aClientThatStopsSendingMidBodyIsCutOff_withoutHoldingTheServer() throws Exception {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(("POST /admin/override HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestApi.ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"addr").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            long started = System.nanoTime();

            // meanwhile the server answers others
            assertThat(api.get("/health").statusCode()).isEqualTo(200);
            // and it closes the stalled connection after its read timeout (the socket is never closed by the client)
            readAll(socket.getInputStream());
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(14));
        }
    }

    @Test
    void aBodyDrippedSlowerThanItsDeadlineIsCutOff() throws Exception {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            var out = socket.getOutputStream();
            out.write(("POST /admin/override HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestApi.ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            long started = System.nanoTime();
            boolean cut = false;
            // one byte every 2 s: never idle long enough for the read timeout, never done
            while (System.nanoTime() - started < 25_000_000_000L) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    cut = true;
                    break;
                }
                Thread.sleep(2_000);
            }
            assertThat(cut).as("connection closed by the server").isTrue();
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(22));
        }
    }

    /** Sends one request on a fresh connection; the status, or -1 if the server closed without one. */
    private int exchange(byte[] request, boolean truncate) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            int length = truncate ? request.length / 2 : request.length;
            socket.getOutputStream().write(request, 0, length);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            byte[] response = readAll(socket.getInputStream());
            String text = new String(response, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.")) {
                return -1;
            }
            return Integer.parseInt(text.substring(9, 12));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] request(Random random) {
        if (random.nextInt(8) == 0) {
            return wellFormed(random);
        }
        String method = pick(random, METHODS);
        String path = fill(random, pick(random, PATHS)) + fill(random, pick(random, QUERIES));
        byte[] body = fill(random, pick(random, BODIES)).getBytes(StandardCharsets.UTF_8);
        boolean sendBody = random.nextInt(3) > 0;
        var head = new StringBuilder();
        head.append(method).append(' ').append(path).append(random.nextInt(20) == 0 ? " HTTP/9.9" : " HTTP/1.1").append("\r\n");
        head.append("Host: 127.0.0.1\r\n");
        head.append("Connection: close\r\n");
        switch (random.nextInt(4)) {
            case 0 -> head.append("X-API-Key: ").append(TestApi.ADMIN_KEY).append("\r\n");
            case 1 -> head.append("X-API-Key: ").append(fill(random, "{}")).append("\r\n");
            default -> { }
        }
        if (random.nextBoolean()) {
            head.append("Content-Type: ").append(pick(random, CONTENT_TYPES)).append("\r\n");
        }
        if (random.nextInt(5) == 0) {
            head.append("X-Forwarded-For: ").append(fill(random, "{}, {}")).append("\r\n");
        }
        if (random.nextInt(6) == 0) {
            head.append("Authorization: Bearer ").append(fill(random, "sietch1.{}.{}.{}")).append("\r\n");
        }
        if (random.nextInt(8) == 0) {
            head.append(fill(random, "{}")).append(": ").append(fill(random, "{}")).append("\r\n");
        }
        if (random.nextInt(25) == 0) {
            head.append("X-Big: ").append("b".repeat(20_000)).append("\r\n");
        }
        if (sendBody) {
            switch (random.nextInt(6)) {
                case 0 -> head.append("Content-Length: ").append(body.length + 1 + random.nextInt(100)).append("\r\n");
                case 1 -> head.append("Content-Length: ").append(Math.max(0, body.length - 1)).append("\r\n");
                case 2 -> head.append("Transfer-Encoding: chunked\r\n");
                case 3 -> head.append("Content-Length: -5\r\n");
                default -> head.append("Content-Length: ").append(body.length).append("\r\n");
            }
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (!sendBody) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** A well-formed request to a real route with the admin key, carrying a bad body or query. */
    private static byte[] wellFormed(Random random) {
        String[] target = switch (random.nextInt(4)) {
            case 0 -> new String[] {"POST", "/admin/override"};
            case 1 -> new String[] {"GET", "/admin/audit-log" + fill(random, pick(random, QUERIES))};
            case 2 -> new String[] {"DELETE", "/admin/override/" + fill(random, "{}")};
            default -> new String[] {"GET", "/eligibility/" + fill(random, "{}")};
        };
        byte[] body = fill(random, pick(random, BODIES)).getBytes(StandardCharsets.UTF_8);
        String head = target[0] + " " + target[1].replaceAll("[\\r\\n ]", "_")
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-API-Key: " + TestApi.ADMIN_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** Replaces each {} with a random fragment: unicode, control characters, numbers, long runs. */
    private static String fill(Random random, String template) {
        var out = new StringBuilder();
        int from = 0;
        for (int at; (at = template.indexOf("{}", from)) >= 0; from = at + 2) {
            out.append(template, from, at).append(fragment(random));
        }
        return out.append(template.substring(from)).toString();
    }

    private static String fragment(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> Integer.toString(random.nextInt(2001) - 1000);
            case 2 -> "1.5";
            case 3 -> "2026-11-26T00:00:00Z";
            case 4 -> "\u2603\u00e9\ud83d\ude00";
            case 5 -> "%" + Integer.toHexString(random.nextInt(256));
            case 6 -> "x".repeat(random.nextInt(5_000));
            case 7 -> "\r\n";
            case 8 -> "0x" + "F".repeat(40);
            case 9 -> "admin_override";
            case 10 -> "../..";
            default -> Character.toString(random.nextInt(0x20, 0x7f));
        };
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String printable(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
