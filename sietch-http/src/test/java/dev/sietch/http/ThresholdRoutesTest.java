package dev.sietch.http;

import static dev.sietch.http.TestApi.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sietch.core.model.DiscordUserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Entry threshold, its history and the waitlist (#24-#26). */
final class ThresholdRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestApi api = new TestApi();

    @Test
    void beforeAnySync() throws Exception {
        assertThat(api.get("/api/threshold").body()).isEqualTo("{\"entry_threshold\":0,\"eligible_count\":0,"
                + "\"waitlist_count\":0,\"gap_to_entry\":null,\"top_waitlist\":[],\"updated_at\":\"2026-11-26T12:00:00.000Z\"}");
        assertThat(api.get("/api/threshold/history").body()).isEqualTo("{\"snapshots\":[],\"count\":0}");
    }

    @Test
    void thresholdShowsTheWaitlistTruncatedAndExact() throws Exception {
        // given: 120 ranked wallets (rank 69 holds 32.75 BGT, rank 70 32.5), rank 71 registered
        api.rank(120);
        api.store.waitlist().register(DiscordUserId.of(TestApi.discordId(71)), wallet(71), 71,
                api.store.rankings().atRank(71).orElseThrow().held(), api.clock.instant());

        // when
        var response = api.get("/api/threshold");

        // then
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("entry_threshold").decimalValue()).isEqualByComparingTo("32.75");
        assertThat(body.path("eligible_count").asInt()).isEqualTo(69);
        assertThat(body.path("waitlist_count").asInt()).isEqualTo(31);
        assertThat(body.path("gap_to_entry").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(body.path("top_waitlist")).hasSize(5);
        assertThat(body.path("top_waitlist").get(0).toString()).isEqualTo("{\"position\":70,\"address_display\":\""
                + wallet(70).value().substring(0, 6) + "..." + wallet(70).value().substring(38)
                + "\",\"bgt\":32.5,\"distance_to_entry\":0.25,\"is_registered\":false}");
        assertThat(body.path("top_waitlist").get(1).path("is_registered").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContainPattern("0x[0-9a-f]{40}");
    }

    @Test
    void historyKeepsOneSnapshotPerSync_sinceComparesInstants() throws Exception {
        api.rank(80);
        api.clock.advance(Duration.ofHours(6));
        api.rank(60);

        JsonNode all = JSON.readTree(api.get("/api/threshold/history").body());
        JsonNode sameDay = JSON.readTree(api.get("/api/threshold/history?since=2026-11-26T00:00Z").body());
        JsonNode later = JSON.readTree(api.get("/api/threshold/history?since=2026-11-26T13:00:00Z").body());

        assertThat(all.path("count").asInt()).isEqualTo(2);
        assertThat(all.path("snapshots").get(0).toString()).isEqualTo("{\"id\":2,\"entry_threshold\":0,"
                + "\"eligible_count\":60,\"waitlist_count\":0,\"created_at\":\"2026-11-26T18:00:00.000Z\"}");
        assertThat(all.path("snapshots").get(1).toString()).isEqualTo("{\"id\":1,\"entry_threshold\":32.75,"
                + "\"eligible_count\":69,\"waitlist_count\":11,\"created_at\":\"2026-11-26T12:00:00.000Z\"}");
        assertThat(sameDay.path("count").asInt()).isEqualTo(2);
        assertThat(later.path("count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/threshold/history?limit=101").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/threshold/history?since=2026-11-26").body()).isEqualTo("{\"error\":\"Invalid datetime\"}");
    }

    @Test
    void waitlistStatusReportsOnlyRanks70To100AsInRange() throws Exception {
        api.rank(120);
        api.store.waitlist().register(DiscordUserId.of(TestApi.discordId(75)), wallet(75), 75,
                api.store.rankings().atRank(75).orElseThrow().held(), api.clock.instant());

        JsonNode member = JSON.readTree(api.get("/api/waitlist/status/" + wallet(5).value()).body());
        JsonNode waiting = JSON.readTree(api.get("/api/waitlist/status/" + wallet(75).value().toUpperCase().replace("0X", "0x")).body());
        JsonNode beyond = JSON.readTree(api.get("/api/waitlist/status/" + wallet(110).value()).body());

        assertThat(member.path("is_in_waitlist_range").asBoolean()).isFalse(); // a member is not in waitlist range
        assertThat(member.path("position").isNull()).isTrue();
        assertThat(waiting.toString()).isEqualTo("{\"address\":\"" + wallet(75).value() + "\",\"is_in_waitlist_range\":true,"
                + "\"position\":75,\"bgt\":31.25,\"distance_to_entry\":1.5,\"is_registered\":true,"
                + "\"registered_at\":\"2026-11-26T12:00:00.000Z\"}");
        assertThat(beyond.path("is_in_waitlist_range").asBoolean()).isFalse();
        assertThat(api.get("/api/waitlist/status/0x123").body()).isEqualTo("{\"error\":\"Invalid Ethereum address format\"}");
    }
}
