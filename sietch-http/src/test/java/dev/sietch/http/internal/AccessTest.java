package dev.sietch.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.http.MemberTokens;
import dev.sietch.core.model.Secret;
import dev.sietch.http.AdminKey;
import dev.sietch.http.HttpSettings;
import dev.sietch.http.MutableClock;
import dev.sietch.http.internal.json.ProbeBodies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits, client identity, admin keys and member tokens, through the real pipeline on real
 * Undertow with a few probe routes (public, member, admin) that echo who is calling.
 */
final class AccessTest {

    private static final String KEY = "an-admin-key-of-enough-length-1";
    private static final Secret SECRET = new Secret("0123456789abcdef0123456789abcdef-member-tokens");
    private static final String MEMBER = "123456789012345678";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    private void start(HttpSettings.RateLimits limits, List<String> trustedProxies) {
        var settings = new HttpSettings("127.0.0.1", 0).withRateLimits(limits).withTrustedProxies(trustedProxies)
                .withAdminKeys(List.of(AdminKey.ofPlain(KEY, "ops"))).withMemberTokenSecret(SECRET);
        server = HttpServer.start(settings, List.of(
                Route.get("/ping", Route.Access.PUBLIC, "probe", ProbeBodies.Ok.class,
                        call -> call.ok(new ProbeBodies.Ok(true))),
                Route.get("/health", Route.Access.PUBLIC, "probe", ProbeBodies.Status.class,
                        call -> call.ok(new ProbeBodies.Status("healthy"))),
                Route.get("/api/me", Route.Access.MEMBER, "probe", ProbeBodies.Member.class,
                        call -> call.ok(new ProbeBodies.Member(call.member().wire()))),
                Route.get("/admin/whoami", Route.Access.ADMIN, "probe", ProbeBodies.Admin.class,
                        call -> call.ok(new ProbeBodies.Admin(call.admin())))),
                new SimpleMeterRegistry(), clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void publicLimitAnswers429WithHeaders_untilTheWindowEnds() throws Exception {
        start(new HttpSettings.RateLimits(3, 0, 0), HttpSettings.LOOPBACK);

        for (int i = 1; i <= 3; i++) {
            var ok = get("/ping");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Policy")).contains("3;w=60");
            assertThat(ok.headers().firstValue("RateLimit-Limit")).contains("3");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).contains(Integer.toString(3 - i));
            assertThat(ok.headers().firstValue("RateLimit-Reset")).contains("60");
        }
        clock.advance(Duration.ofSeconds(15));
        var limited = get("/ping");
        var unknownPath = get("/no-such-path");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"Too many requests, please try again later\"}");
        assertThat(limited.headers().firstValue("Retry-After")).contains("45");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(unknownPath.statusCode()).isEqualTo(429); // every path counts, known or not

        clock.advance(Duration.ofSeconds(45));
        assertThat(get("/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void healthChecksFromThisMachineAreNeverLimited_butForwardedOnesAre() throws Exception {
        start(new HttpSettings.RateLimits(2, 0, 0), HttpSettings.LOOPBACK);

        // the proxy's health checks, Prometheus and deploy scripts poll from loopback, unforwarded
        for (int i = 0; i < 10; i++) {
            assertThat(get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(get("/health").headers().firstValue("RateLimit-Limit")).isEmpty();
        // and take nothing from the loopback client's own budget
        assertThat(get("/ping").statusCode()).isEqualTo(200);
        assertThat(get("/ping").statusCode()).isEqualTo(200);
        assertThat(get("/ping").statusCode()).isEqualTo(429);
        assertThat(get("/health/").statusCode()).isEqualTo(200);
        // a client polling /health through the proxy is an ordinary client
        assertThat(get("/health", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(get("/health", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(get("/health", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy_andOnlyTheHopItAppended() throws Exception {
        start(new HttpSettings.RateLimits(2, 0, 0), HttpSettings.LOOPBACK);

        // through the (loopback) proxy: each client has its own bucket
        assertThat(get("/ping", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(get("/ping", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(get("/ping", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(429);
        assertThat(get("/ping", "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(200);
        // a client that writes its own first entry still lands in the bucket of the address the proxy saw
        assertThat(get("/ping", "X-Forwarded-For", "10.9.9.9, 203.0.113.7").statusCode()).isEqualTo(429);
        assertThat(get("/ping", "X-Forwarded-For", "1.1.1.1, 203.0.113.7, 127.0.0.1").statusCode()).isEqualTo(429);
    }

    @Test
    void forwardedForIsIgnoredFromAPeerThatIsNotATrustedProxy() throws Exception {
        start(new HttpSettings.RateLimits(2, 0, 0), List.of("192.0.2.10"));

        assertThat(get("/ping", "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(200);
        assertThat(get("/ping", "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(200);
        // a fresh header does not buy a fresh bucket: the key is the socket's address
        assertThat(get("/ping", "X-Forwarded-For", "203.0.113.3").statusCode()).isEqualTo(429);
    }

    @Test
    void apiPathsAlsoCountAgainstTheMemberLimit_whoseHeadersTheyShow() throws Exception {
        start(new HttpSettings.RateLimits(100, 2, 0), HttpSettings.LOOPBACK);

        assertThat(get("/api/nothing").headers().firstValue("RateLimit-Limit")).contains("2");
        assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
        var limited = get("/api/nothing");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"Too many requests, please try again later\"}");
        assertThat(get("/ping").statusCode()).isEqualTo(200); // the public bucket is not spent
    }

    @Test
    void adminLimitIsPerKeyName_andPerAddressForBadKeys_soRotatingKeysBuysNothing() throws Exception {
        start(new HttpSettings.RateLimits(100, 0, 2), HttpSettings.LOOPBACK);

        assertThat(get("/admin/whoami", "X-API-Key", "wrong-1").statusCode()).isEqualTo(403);
        assertThat(get("/admin/whoami", "X-API-Key", "wrong-2").statusCode()).isEqualTo(403);
        var limited = get("/admin/whoami", "X-API-Key", "wrong-3");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"Too many admin requests, please try again later\"}");
        // the real administrator has a bucket of their own
        var admin = get("/admin/whoami", "X-API-Key", KEY);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("{\"admin\":\"ops\"}");
    }

    @Test
    void memberRoutesNeedAValidUnexpiredToken_neverAnIdentityHeader() throws Exception {
        start(new HttpSettings.RateLimits(0, 0, 0), HttpSettings.LOOPBACK);
        var tokens = new MemberTokens(SECRET);
        String token = tokens.issue(MEMBER, clock.instant().plus(Duration.ofHours(1)));
        String forged = new MemberTokens(new Secret("another-secret-another-secret-another-secret"))
                .issue(MEMBER, clock.instant().plus(Duration.ofHours(1)));

        var anonymous = get("/api/me", "X-Discord-User-Id", MEMBER, "X-Member-Nym", "alice");
        var wrongSignature = get("/api/me", "Authorization", "Bearer " + forged);
        var altered = get("/api/me", "Authorization", "Bearer " + token.replace(MEMBER, "123456789012345679"));
        var notBearer = get("/api/me", "Authorization", "Basic " + token);
        var member = get("/api/me", "Authorization", "Bearer " + token);

        for (var refused : List.of(anonymous, wrongSignature, altered, notBearer)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"error\":\"Authentication required\"}");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"sietch\"");
        }
        assertThat(member.statusCode()).isEqualTo(200);
        assertThat(member.body()).isEqualTo("{\"member\":\"" + MEMBER + "\"}");

        clock.advance(Duration.ofHours(1));
        assertThat(get("/api/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64_andTheTableStaysBounded() throws Exception {
        assertThat(ClientAddresses.key(java.net.InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(ClientAddresses.key(java.net.InetAddress.getByName("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.key(java.net.InetAddress.getByName("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddresses.key(java.net.InetAddress.getByName("203.0.113.9"))).isEqualTo("203.0.113.9");

        var limiter = new RateLimiter(5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < RateLimiter.MAX_KEYS + 10; i++) {
            limiter.acquire("client-" + i);
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(RateLimiter.MAX_KEYS);
    }

    @Test
    void aClockThatStepsBackDoesNotKeepAClientBlocked() {
        var limiter = new RateLimiter(1, Duration.ofMinutes(1), clock);
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();

        clock.advance(Duration.ofHours(-1));

        assertThat(limiter.acquire("a").allowed()).isTrue();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
