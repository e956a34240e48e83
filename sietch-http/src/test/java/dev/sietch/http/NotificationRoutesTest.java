package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.port.Notifications;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A member's own preferences, history and position (#27-#30), only with their member token. */
final class NotificationRoutesTest {

    @RegisterExtension
    final TestApi api = new TestApi();

    @BeforeEach
    void start() {
        api.rank(100);
    }

    @Test
    void withoutATokenNothingIsShown_evenWithTheIdentityHeader() throws Exception {
        api.member(65, "risky", true);
        for (String path : List.of("/api/notifications/preferences", "/api/notifications/history", "/api/position")) {
            var response = api.get(path, "X-Discord-User-Id", TestApi.discordId(65));
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"Authentication required\"}");
        }
        var put = api.send("PUT", "/api/notifications/preferences", "{\"naib_alerts\":false}",
                "X-Discord-User-Id", TestApi.discordId(65), "Content-Type", "application/json");
        assertThat(put.statusCode()).isEqualTo(401);
        var mismatch = api.send("GET", "/api/position", null, "Authorization", "Bearer " + api.token(65),
                "X-Discord-User-Id", TestApi.discordId(66));
        assertThat(mismatch.statusCode()).isEqualTo(403);
    }

    @Test
    void preferencesStartAtTheDefaults_andChangeFieldByField() throws Exception {
        api.member(12, "prefs", true);

        var defaults = api.asMember(12, "GET", "/api/notifications/preferences", null);
        var changed = api.asMember(12, "PUT", "/api/notifications/preferences", "{\"frequency\":\"daily\",\"naib_alerts\":false}");
        var unchanged = api.asMember(12, "PUT", "/api/notifications/preferences", "");

        assertThat(defaults.body()).isEqualTo("{\"position_updates\":true,\"at_risk_warnings\":true,\"naib_alerts\":true,"
                + "\"frequency\":\"3_per_week\",\"alerts_sent_this_week\":0,\"max_alerts_per_week\":3}");
        assertThat(changed.body()).isEqualTo("{\"position_updates\":true,\"at_risk_warnings\":true,\"naib_alerts\":false,"
                + "\"frequency\":\"daily\",\"alerts_sent_this_week\":0,\"max_alerts_per_week\":7}");
        assertThat(unchanged.body()).isEqualTo(changed.body());
        var invalid = api.asMember(12, "PUT", "/api/notifications/preferences",
                "{\"position_updates\":null,\"frequency\":\"hourly\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"error\":\"Expected boolean, received null, Invalid enum value. "
                + "Expected '1_per_week' | '2_per_week' | '3_per_week' | 'daily', received 'hourly'\"}");
        assertThat(api.asMember(13, "GET", "/api/notifications/preferences", null).body())
                .isEqualTo("{\"error\":\"Member not found\"}");
    }

    @Test
    void historyIsTheMembersOwn_newestFirst_withAWholeNumberLimit() throws Exception {
        var member = api.member(20, "hist", true);
        var other = api.member(21, "other", true);
        for (String type : List.of("position_update", "at_risk_warning")) {
            api.store.notifications().record(new Notifications.NewAlert(new QueuedAlert.ToMember(member.memberId()), type, "{\"position\":20}",
                    true, Optional.empty(), Optional.empty()), api.clock.instant());
        }
        api.store.notifications().record(new Notifications.NewAlert(new QueuedAlert.ToMember(other.memberId()), "position_update", "{}",
                true, Optional.empty(), Optional.empty()), api.clock.instant());

        var history = api.asMember(20, "GET", "/api/notifications/history", null);
        var filtered = api.asMember(20, "GET", "/api/notifications/history?alert_type=position_update&limit=5", null);
        var fractional = api.asMember(20, "GET", "/api/notifications/history?limit=1.5", null);

        assertThat(history.body()).isEqualTo("{\"alerts\":[{\"id\":2,\"alert_type\":\"at_risk_warning\",\"delivered\":true,"
                + "\"sent_at\":\"2026-11-26T12:00:00.000Z\",\"alert_data\":{\"position\":20}},{\"id\":1,"
                + "\"alert_type\":\"position_update\",\"delivered\":true,\"sent_at\":\"2026-11-26T12:00:00.000Z\","
                + "\"alert_data\":{\"position\":20}}],\"total\":2}");
        assertThat(filtered.body()).contains("\"total\":1");
        assertThat(fractional.statusCode()).isEqualTo(400); // a client error, not 500
        assertThat(fractional.body()).isEqualTo("{\"error\":\"Expected integer, received float\"}");
        assertThat(api.asMember(20, "GET", "/api/notifications/preferences", null).body())
                .contains("\"alerts_sent_this_week\":2");
    }

    @Test
    void positionGivesExactDistancesToTheMemberThemselves() throws Exception {
        api.member(65, "atrisk", true);
        api.member(72, "waiting", true);

        var atRisk = api.asMember(65, "GET", "/api/position", null);
        var waiting = api.asMember(72, "GET", "/api/position", null);

        assertThat(atRisk.body()).isEqualTo("{\"position\":65,\"bgt\":33.75,\"distance_to_above\":0.25,"
                + "\"distance_to_below\":0.25,\"distance_to_entry\":null,\"is_naib\":false,\"is_fedaykin\":true,\"is_at_risk\":true}");
        assertThat(waiting.body()).isEqualTo("{\"position\":72,\"bgt\":32,\"distance_to_above\":0.25,"
                + "\"distance_to_below\":0.25,\"distance_to_entry\":0.75,\"is_naib\":false,\"is_fedaykin\":false,\"is_at_risk\":false}");
    }

    @Test
    void positionExplainsWhatIsMissing() throws Exception {
        assertThat(api.asMember(30, "GET", "/api/position", null).body()).isEqualTo("{\"error\":\"Member not found\"}");
        api.member(150, "unranked", true); // linked to a wallet the ranking does not hold
        var unranked = api.asMember(150, "GET", "/api/position", null);
        assertThat(unranked.statusCode()).isEqualTo(404);
        assertThat(unranked.body()).isEqualTo("{\"error\":\"Wallet not found in eligibility rankings\"}");
    }
}
