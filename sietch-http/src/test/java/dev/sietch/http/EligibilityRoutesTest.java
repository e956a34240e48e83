package dev.sietch.http;

import static dev.sietch.http.TestApi.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Collab.Land contract over real HTTP: paths, status codes, field names and value types. */
final class EligibilityRoutesTest {

    @RegisterExtension
    final TestApi api = new TestApi();

    @Test
    void listIsEmptyBeforeTheFirstSync_withNowAsUpdatedAt() throws Exception {
        var response = api.get("/eligibility");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "{\"updated_at\":\"2026-11-26T12:00:00.000Z\",\"grace_period\":false,\"top_69\":[],\"top_7\":[]}");
    }

    @Test
    void listsTheTop69WithTheNaibSeparately_exactAmounts_cachedFiveMinutes() throws Exception {
        api.rank(75);

        var response = api.get("/eligibility");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        String body = response.body();
        assertThat(body).startsWith("{\"updated_at\":\"2026-11-26T12:00:00.000Z\",\"grace_period\":false,\"top_69\":[")
                .contains("{\"rank\":1,\"address\":\"" + wallet(1).value() + "\",\"bgt_held\":1000.000000000000000001}")
                .contains("{\"rank\":2,\"address\":\"" + wallet(2).value() + "\",\"bgt_held\":49.5}")
                .contains("{\"rank\":69,")
                .doesNotContain("\"rank\":70,")
                .endsWith("\"top_7\":[" + String.join(",", IntStream.rangeClosed(1, 7)
                        .mapToObj(i -> "\"" + wallet(i).value() + "\"").toList()) + "]}");
        assertThat(api.get("/eligibility/").body()).isEqualTo(body); // a trailing slash is the list too
    }

    @Test
    void answersOneWallet_acceptingChecksummedAddresses() throws Exception {
        api.rank(75);
        String mixedCase = "0x" + wallet(3).value().substring(2).toUpperCase();

        var naib = api.get("/eligibility/" + mixedCase);
        var waitlisted = api.get("/eligibility/" + wallet(70).value());

        assertThat(naib.statusCode()).isEqualTo(200);
        assertThat(naib.body()).isEqualTo("{\"address\":\"" + wallet(3).value()
                + "\",\"eligible\":true,\"rank\":3,\"role\":\"naib\",\"bgt_held\":49.25}");
        assertThat(naib.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(waitlisted.body()).isEqualTo("{\"address\":\"" + wallet(70).value()
                + "\",\"eligible\":false,\"rank\":70,\"role\":\"none\",\"bgt_held\":32.5}");
    }

    @Test
    void answers200NotEligible_forAnUnknownWallet() throws Exception {
        api.rank(10);
        String unknown = "0x" + "9".repeat(40);

        var response = api.get("/eligibility/" + unknown);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"address\":\"" + unknown
                + "\",\"eligible\":false,\"rank\":null,\"role\":\"none\",\"bgt_held\":null}");
    }

    @Test
    void rejectsWhatIsNotAnAddress() throws Exception {
        for (String bad : List.of("0x1234", "0X" + "a".repeat(40), "0x" + "g".repeat(40), "0x" + "a".repeat(41),
                "vitalik.eth", "%20" + "0x" + "a".repeat(40))) {
            var response = api.get("/eligibility/" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).isEqualTo("{\"error\":\"Invalid Ethereum address format\"}");
        }
    }
}
