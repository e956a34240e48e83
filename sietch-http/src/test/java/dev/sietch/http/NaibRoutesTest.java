package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sietch.core.model.Wei;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Naib council routes (#20-#23): order, founding seats, former Naib, history, and no leaks. */
final class NaibRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestApi api = new TestApi();

    @BeforeEach
    void start() {
        api.rank(100);
    }

    @Test
    void aSyncSeatsOnboardedMembers_strongestFirst_andTheRoutesShowIt() throws Exception {
        api.member(9, "ninth", true);
        api.member(4, "fourth", true);
        api.member(12, "waiting", false); // not onboarded: no seat
        api.rank(100); // the sync evaluates the council in its transaction

        String current = api.get("/api/naib/current").body();
        assertThat(current).contains("\"filled_seats\":2", "\"empty_seats\":5");
        assertThat(current.indexOf("fourth")).isLessThan(current.indexOf("ninth")); // rank 4 holds more: seat 1
        assertThat(current).doesNotContain("waiting");
    }

    @Test
    void emptyCouncil() throws Exception {
        assertThat(api.get("/api/naib").body()).isEqualTo(
                "{\"current\":[],\"former\":[],\"empty_seats\":7,\"updated_at\":\"2026-11-26T12:00:00.000Z\"}");
        assertThat(api.get("/api/naib/current").body()).isEqualTo(
                "{\"members\":[],\"filled_seats\":0,\"empty_seats\":7,\"total_seats\":7}");
        assertThat(api.get("/api/naib/former").body()).isEqualTo("{\"members\":[],\"total\":0}");
    }

    @Test
    void currentCouncilIsInSeatingOrder_withoutRanksOrAmounts() throws Exception {
        // given: rank 5 seated first, rank 2 half an hour later, rank 3 two hours later
        var fifth = api.member(5, "fifth", true);
        var second = api.member(2, "second", true);
        var third = api.member(3, "third", true);
        api.store.naibSeats().seat(fifth.memberId(), 1, held(5), api.clock.instant());
        api.store.naibSeats().seat(second.memberId(), 2, held(2), api.clock.instant().plus(Duration.ofMinutes(30)));
        api.store.naibSeats().seat(third.memberId(), 3, held(3), api.clock.instant().plus(Duration.ofHours(2)));

        // when
        JsonNode current = JSON.readTree(api.get("/api/naib/current").body());

        // then: seats in the order taken (not by BGT held, which would line them up with /eligibility's
        // top 7 and so tie nyms to wallets); founding = within an hour of the first seat
        assertThat(current.path("filled_seats").asInt()).isEqualTo(3);
        assertThat(current.path("empty_seats").asInt()).isEqualTo(4);
        JsonNode members = current.path("members");
        assertThat(members.get(0).path("nym").asText()).isEqualTo("fifth");
        assertThat(members.get(0).path("seat_number").asInt()).isEqualTo(1);
        assertThat(members.get(0).path("seated_at").asText()).isEqualTo("2026-11-26T12:00:00.000Z");
        assertThat(members.get(1).path("nym").asText()).isEqualTo("second");
        assertThat(members.get(1).path("is_founding").asBoolean()).isTrue();
        assertThat(members.get(2).path("nym").asText()).isEqualTo("third");
        assertThat(members.get(2).path("is_founding").asBoolean()).isFalse();
        assertThat(members.get(0).has("rank")).isFalse(); // no nym -> rank -> wallet leak
        assertThat(members.get(0).toString()).doesNotContain("bgt");
    }

    @Test
    void formerNaibAndSeatHistory_withoutExactAmounts() throws Exception {
        var gone = api.member(6, "gone", true);
        var seat = api.store.naibSeats().seat(gone.memberId(), 4, held(6), api.clock.instant().minus(Duration.ofDays(3)));
        api.store.naibSeats().unseat(seat.id(), "bumped", Optional.empty(), held(6), api.clock.instant().minus(Duration.ofHours(12)));

        JsonNode former = JSON.readTree(api.get("/api/naib/former").body());
        JsonNode status = JSON.readTree(api.get("/api/naib/member/" + gone.memberId().value().toUpperCase()).body());

        assertThat(former.path("total").asInt()).isEqualTo(1);
        assertThat(former.path("members").get(0).toString()).isEqualTo("{\"nym\":\"gone\",\"member_id\":\"" + gone.memberId()
                + "\",\"pfp_url\":null,\"first_seated_at\":\"2026-11-23T12:00:00.000Z\","
                + "\"last_unseated_at\":\"2026-11-26T00:00:00.000Z\",\"total_tenure_days\":2,\"seat_count\":1}");
        assertThat(status.toString()).isEqualTo("{\"member_id\":\"" + gone.memberId() + "\",\"is_current_naib\":false,"
                + "\"is_former_naib\":true,\"has_ever_been_naib\":true,\"seat_history\":[{\"seat_number\":4,"
                + "\"seated_at\":\"2026-11-23T12:00:00.000Z\",\"unseated_at\":\"2026-11-26T00:00:00.000Z\","
                + "\"unseat_reason\":\"bumped\"}]}");
        assertThat(JSON.readTree(api.get("/api/naib").body()).path("former").size()).isEqualTo(1);
    }

    @Test
    void memberStatusChecksTheIdAndAnswersUnknownMembersWithNoHistory() throws Exception {
        var bad = api.get("/api/naib/member/not-a-uuid");
        var unknown = api.get("/api/naib/member/00000000-0000-4000-8000-000000000000");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"Invalid member ID format\"}");
        assertThat(unknown.body()).isEqualTo("{\"member_id\":\"00000000-0000-4000-8000-000000000000\","
                + "\"is_current_naib\":false,\"is_former_naib\":false,\"has_ever_been_naib\":false,\"seat_history\":[]}");
    }

    private Wei held(int rank) {
        return api.store.rankings().atRank(rank).orElseThrow().held();
    }
}
