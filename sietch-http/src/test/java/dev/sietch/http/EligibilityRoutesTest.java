package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Collab.Land contract over real HTTP: paths, status codes, field names and value types. */
final class EligibilityRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final BigInteger BGT = BigInteger.TEN.pow(18);

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi api;

    static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", 0xabcdef00L + n));
    }

    @BeforeEach
    void start() {
        List<RankedWallet> ranking = new ArrayList<>();
        for (int rank = 1; rank <= 75; rank++) {
            // rank 1 holds 1,000 BGT and 1 wei: exact, far beyond a double's precision
            BigInteger held = rank == 1 ? BGT.multiply(BigInteger.valueOf(1_000)).add(BigInteger.ONE)
                    : BGT.multiply(BigInteger.valueOf(100 - rank)).divide(BigInteger.TWO);
            Role role = rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE;
            ranking.add(new RankedWallet(wallet(rank), rank, new Wei(held), role, rank <= 69));
        }
        var health = new SyncHealth(Optional.of(Instant.parse("2026-11-26T06:00:00Z")), Optional.empty(), 0,
                Optional.empty(), false);
        api = HttpApi.start(new HttpSettings("127.0.0.1", 0), new HttpApi.Sources(() -> health, Duration.ofHours(6),
                () -> "", new InMemoryRankings(ranking), RankingPolicy.DEFAULT, CLOCK));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheTop69WithTheNaibSeparately_exactAmounts_cachedFiveMinutes() throws Exception {
        var response = send("GET", "/eligibility");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        String body = response.body();
        assertThat(body).startsWith("{\"updated_at\":\"2026-11-26T06:00:00.000Z\",\"grace_period\":false,\"top_69\":[")
                .contains("{\"rank\":1,\"address\":\"" + wallet(1).value() + "\",\"bgt_held\":1000.000000000000000001}")
                .contains("{\"rank\":2,\"address\":\"" + wallet(2).value() + "\",\"bgt_held\":49}")
                .contains("{\"rank\":69,")
                .doesNotContain("\"rank\":70,")
                .endsWith("\"top_7\":[" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 7)
                        .mapToObj(i -> "\"" + wallet(i).value() + "\"").toList()) + "]}");
        assertThat(send("GET", "/eligibility/").body()).isEqualTo(body); // a trailing slash is the list too
    }

    @Test
    void answersOneWallet_acceptingChecksummedAddresses() throws Exception {
        String mixedCase = "0x" + wallet(3).value().substring(2).toUpperCase();

        var naib = send("GET", "/eligibility/" + mixedCase);
        var waitlisted = send("GET", "/eligibility/" + wallet(70).value());

        assertThat(naib.statusCode()).isEqualTo(200);
        assertThat(naib.body()).isEqualTo("{\"address\":\"" + wallet(3).value()
                + "\",\"eligible\":true,\"rank\":3,\"role\":\"naib\",\"bgt_held\":48.5}");
        assertThat(naib.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(waitlisted.body()).isEqualTo("{\"address\":\"" + wallet(70).value()
                + "\",\"eligible\":false,\"rank\":70,\"role\":\"none\",\"bgt_held\":15}");
    }

    @Test
    void answers200NotEligible_forAnUnknownWallet() throws Exception {
        String unknown = "0x" + "9".repeat(40);

        var response = send("GET", "/eligibility/" + unknown);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"address\":\"" + unknown
                + "\",\"eligible\":false,\"rank\":null,\"role\":\"none\",\"bgt_held\":null}");
    }

    @Test
    void rejectsWhatIsNotAnAddress() throws Exception {
        for (String bad : List.of("0x1234", "0X" + "a".repeat(40), "0x" + "g".repeat(40), "0x" + "a".repeat(41), "vitalik.eth")) {
            var response = send("GET", "/eligibility/" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).isEqualTo("{\"error\":\"Invalid Ethereum address format\"}");
        }
    }

    @Test
    void everyResponseCarriesRequestIdCorsAndSecurityHeaders_andNoServerBanner() throws Exception {
        var echoed = send("GET", "/eligibility", "X-Request-ID", "abc-123");
        var generated = send("GET", "/nowhere");
        var forged = send("GET", "/health", "X-Request-ID", "a b\tc");
        var preflight = send("OPTIONS", "/admin/anything");

        assertThat(echoed.headers().firstValue("X-Request-ID")).contains("abc-123");
        assertThat(generated.statusCode()).isEqualTo(404);
        assertThat(generated.body()).isEqualTo("{\"error\":\"Not found\"}");
        assertThat(generated.headers().firstValue("X-Request-ID").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(forged.headers().firstValue("X-Request-ID").orElseThrow()).doesNotContain(" ").hasSize(36);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.body()).isEmpty();
        for (var response : List.of(echoed, generated, forged, preflight)) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, DELETE, OPTIONS");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }
}
