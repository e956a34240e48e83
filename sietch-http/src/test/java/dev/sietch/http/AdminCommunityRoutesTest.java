package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Badge awards and alert administration (#10-#14). */
final class AdminCommunityRoutesTest {

    @RegisterExtension
    final TestApi api = new TestApi();
    private String memberId;

    @BeforeEach
    void start() {
        api.rank(80);
        memberId = api.member(10, "badged", true).memberId().value();
    }

    @Test
    void awardsOnlyManualBadges_onceUntilRevoked() throws Exception {
        var awarded = award("helper");
        assertThat(awarded.statusCode()).isEqualTo(201);
        assertThat(awarded.body()).isEqualTo("{\"message\":\"Badge awarded successfully\",\"member_id\":\"" + memberId
                + "\",\"badge_id\":\"helper\"}");

        for (String refused : new String[] {"helper", "og", "devoted", "nonexistent"}) {
            var response = award(refused);
            assertThat(response.statusCode()).as(refused).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"Failed to award badge. Member or badge may not exist, "
                    + "or badge already awarded.\"}");
        }
        var unknownMember = api.admin("POST", "/admin/badges/award",
                "{\"member_id\":\"00000000-0000-4000-8000-000000000000\",\"badge_id\":\"helper\",\"awarded_by\":\"x\"}");
        assertThat(unknownMember.statusCode()).isEqualTo(400);

        var revoked = api.admin("DELETE", "/admin/badges/" + memberId + "/helper", null);
        assertThat(revoked.body()).isEqualTo("{\"message\":\"Badge revoked successfully\",\"member_id\":\"" + memberId
                + "\",\"badge_id\":\"helper\"}");
        assertThat(api.admin("DELETE", "/admin/badges/" + memberId + "/helper", null).statusCode()).isEqualTo(404);
        assertThat(award("helper").statusCode()).isEqualTo(201); // a revoked badge can be awarded again
        assertThat(api.admin("GET", "/admin/audit-log?event_type=admin_badge_revoke", null).body())
                .contains("\"event_data\":{\"memberId\":\"" + memberId + "\",\"badgeId\":\"helper\",\"revokedBy\":\"ops\"}");
    }

    @Test
    void awardValidatesItsBody() throws Exception {
        var empty = api.admin("POST", "/admin/badges/award", "{}");
        var bad = api.admin("POST", "/admin/badges/award", "{\"member_id\":\"x\",\"badge_id\":\"\",\"awarded_by\":\"\"}");
        var badId = api.admin("DELETE", "/admin/badges/nope/helper", null);

        assertThat(empty.body()).isEqualTo("{\"error\":\"Required, Required, Required\"}");
        assertThat(bad.body()).isEqualTo("{\"error\":\"Invalid member ID, Badge ID is required, Awarded by is required\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).isEqualTo("{\"error\":\"Invalid member ID format\"}");
    }

    @Test
    void alertStatsTestAlertsAndCounterReset() throws Exception {
        assertThat(api.admin("GET", "/admin/alerts/stats", null).body()).isEqualTo("{\"total_sent\":0,\"sent_this_week\":0,"
                + "\"by_type\":{},\"delivery_rate\":1,\"opt_out_rate\":0,\"position_updates_disabled\":0,"
                + "\"at_risk_warnings_disabled\":0}");

        var test = api.admin("POST", "/admin/alerts/test/" + memberId, null);
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).isEqualTo("{\"success\":false,\"alert_id\":1,\"error\":\"Discord is not connected\","
                + "\"message\":\"Failed to send test alert: Discord is not connected\"}");
        assertThat(api.admin("GET", "/admin/alerts/stats", null).body()).isEqualTo("{\"total_sent\":1,\"sent_this_week\":1,"
                + "\"by_type\":{\"position_update\":1},\"delivery_rate\":0.0,\"opt_out_rate\":0.0,"
                + "\"position_updates_disabled\":0,\"at_risk_warnings_disabled\":0}");

        var invalid = api.admin("POST", "/admin/alerts/test/not-a-uuid", null);
        var unknown = api.admin("POST", "/admin/alerts/test/00000000-0000-4000-8000-000000000000", null);
        assertThat(invalid.statusCode()).isEqualTo(400); // both answered at once
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Member not found\"}");

        api.asMember(10, "PUT", "/api/notifications/preferences", "{\"position_updates\":false}");
        assertThat(api.admin("POST", "/admin/alerts/test/" + memberId, null).body()).isEqualTo("{\"success\":false,"
                + "\"alert_id\":null,\"error\":\"Position updates disabled\",\"message\":\"Failed to send test alert: "
                + "Position updates disabled\"}");
        assertThat(api.admin("GET", "/admin/alerts/stats", null).body()).contains("\"opt_out_rate\":1.0",
                "\"position_updates_disabled\":1");

        assertThat(api.admin("POST", "/admin/alerts/reset-counters", null).body())
                .isEqualTo("{\"message\":\"Weekly alert counters reset\",\"members_reset\":1}");
        assertThat(api.admin("GET", "/admin/audit-log?event_type=admin_test_alert", null).body())
                .contains("\"event_data\":{\"memberId\":\"" + memberId + "\",\"alertId\":1,\"triggeredBy\":\"ops\"}");
    }

    private java.net.http.HttpResponse<String> award(String badge) throws Exception {
        return api.admin("POST", "/admin/badges/award", "{\"member_id\":\"" + memberId + "\",\"badge_id\":\"" + badge
                + "\",\"awarded_by\":\"council\",\"reason\":\"for testing\"}");
    }
}
