package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Overrides, audit log and sync health under /admin, over real HTTP on a real store. */
final class AdminRoutesTest {

    private static final String ADDRESS = "0xAbCdEf0000000000000000000000000000000001";

    @RegisterExtension
    final TestApi api = new TestApi();

    @Test
    void everyAdminPathNeedsAKey_checkedBeforeRouting() throws Exception {
        for (String path : List.of("/admin/overrides", "/admin/no-such-route", "/ADMIN/health")) {
            var missing = api.get(path);
            var empty = api.get(path, "X-API-Key", "");
            var wrong = api.get(path, "X-API-Key", TestApi.ADMIN_KEY + "x");

            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(missing.body()).isEqualTo("{\"error\":\"API key required\"}");
            assertThat(empty.statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.statusCode()).as(path).isEqualTo(403);
            assertThat(wrong.body()).isEqualTo("{\"error\":\"Invalid API key\"}");
        }
        assertThat(api.get("/admin/no-such-route", "X-API-Key", TestApi.ADMIN_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void createsListsAndDeactivatesOverrides_auditedUnderTheKeysName() throws Exception {
        // when
        var created = api.admin("POST", "/admin/override",
                "{\"address\":\"" + ADDRESS + "\",\"action\":\"remove\",\"reason\":\"sybil\",\"ignored\":1}");

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"id\":1,\"message\":\"Override created: remove " + ADDRESS + "\"}");
        assertThat(api.admin("GET", "/admin/overrides", null).body()).isEqualTo("{\"overrides\":[{\"id\":1,"
                + "\"address\":\"" + ADDRESS.toLowerCase() + "\",\"action\":\"remove\",\"reason\":\"sybil\","
                + "\"created_by\":\"ops\",\"created_at\":\"2026-11-26T12:00:00.000Z\",\"expires_at\":null}]}");

        // when
        var deactivated = api.admin("DELETE", "/admin/override/1", null);
        var again = api.admin("DELETE", "/admin/override/1abc", null); // parseInt semantics

        // then
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(deactivated.body()).isEqualTo("{\"message\":\"Override deactivated\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(api.admin("GET", "/admin/overrides", null).body()).isEqualTo("{\"overrides\":[]}");
        var audit = api.admin("GET", "/admin/audit-log?event_type=admin_override", null).body();
        assertThat(audit).contains("\"event_data\":{\"action\":\"deactivate\",\"overrideId\":1,\"deactivatedBy\":\"ops\"}")
                .contains("\"event_data\":{\"overrideId\":1,\"address\":\"" + ADDRESS.toLowerCase()
                        + "\",\"action\":\"remove\",\"reason\":\"sybil\",\"createdBy\":\"ops\",\"expiresAt\":null}");
    }

    @Test
    void overridesListOnlyThoseInForce() throws Exception {
        api.admin("POST", "/admin/override", "{\"address\":\"" + ADDRESS + "\",\"action\":\"add\",\"reason\":\"x\","
                + "\"expires_at\":\"2026-11-26T13:00Z\"}");

        assertThat(api.admin("GET", "/admin/overrides", null).body()).contains("\"expires_at\":\"2026-11-26T13:00:00.000Z\"");
        api.clock.advance(Duration.ofHours(1));
        assertThat(api.admin("GET", "/admin/overrides", null).body()).isEqualTo("{\"overrides\":[]}");
    }

    @Test
    void validatesOverridesWithThePredecessorsMessages() throws Exception {
        assertBadOverride("{}", "Required, Required, Required");
        assertBadOverride("{\"address\":\"0x12\",\"action\":\"ban\",\"reason\":\"\"}",
                "Invalid Ethereum address, Invalid enum value. Expected 'add' | 'remove', received 'ban', Reason is required");
        assertBadOverride("{\"address\":\"" + ADDRESS + "\",\"action\":\"add\",\"reason\":\"" + "r".repeat(501) + "\"}",
                "Reason too long");
        assertBadOverride("{\"address\":\"" + ADDRESS + "\",\"action\":\"add\",\"reason\":\"r\",\"expires_at\":\"2026-12-01\"}",
                "Invalid datetime");
        assertBadOverride("{\"address\":\"" + ADDRESS + "\",\"action\":\"add\",\"reason\":\"r\",\"expires_at\":\"2026-12-01T00:00:00+01:00\"}",
                "Invalid datetime");
        assertBadOverride("{\"address\":1,\"action\":null,\"reason\":[]}",
                "Expected string, received number, Expected string, received null, Expected string, received array");
        // a body that is not JSON-typed counts as {}
        var plain = api.send("POST", "/admin/override", "address=x", "X-API-Key", TestApi.ADMIN_KEY,
                "Content-Type", "text/plain");
        assertThat(plain.body()).isEqualTo("{\"error\":\"Required, Required, Required\"}");
    }

    @Test
    void malformedPrimitiveAndOversizedBodiesAreClientErrors_notServerErrors() throws Exception {
        assertBadOverride("{\"address\":", "Invalid JSON body");
        assertBadOverride("{\"a\":1,\"a\":2}", "Invalid JSON body");
        assertBadOverride("\"just a string\"", "Request body must be a JSON object");
        assertBadOverride("42", "Request body must be a JSON object");
        assertBadOverride("[{}]", "Request body must be a JSON object");

        var oversized = api.admin("POST", "/admin/override",
                "{\"reason\":\"" + "r".repeat(10 * 1024) + "\"}");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).isEqualTo("{\"error\":\"Request body too large\"}");
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void deactivationRejectsNonNumbersAndReportsUnknownIds() throws Exception {
        var notNumber = api.admin("DELETE", "/admin/override/abc", null);
        var unknown = api.admin("DELETE", "/admin/override/99", null);
        var huge = api.admin("DELETE", "/admin/override/99999999999999999999999", null);

        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body()).isEqualTo("{\"error\":\"Invalid override ID\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Override not found\"}");
        assertThat(huge.statusCode()).isEqualTo(404);
    }

    @Test
    void auditLogValidatesItsQuery_andAcceptsEveryTypeTheServiceWrites() throws Exception {
        assertBadQuery("limit=1.5", "Expected integer, received float");
        assertBadQuery("limit=0", "Number must be greater than or equal to 1");
        assertBadQuery("limit=1001", "Number must be less than or equal to 1000");
        assertBadQuery("limit=ten", "Expected number, received nan");
        assertBadQuery("since=yesterday", "Invalid datetime");
        assertBadQuery("limit=0&since=x", "Number must be greater than or equal to 1, Invalid datetime");
        var badType = api.admin("GET", "/admin/audit-log?event_type=nope", null);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).startsWith("{\"error\":\"Invalid enum value. Expected 'eligibility_update' | ")
                .endsWith("received 'nope'\"}");
        // types beyond the first eight written are accepted by the filter too
        for (String type : List.of("admin_badge_award", "alert_sent", "weekly_reset", "waitlist_registration")) {
            assertThat(api.admin("GET", "/admin/audit-log?event_type=" + type, null).statusCode()).as(type).isEqualTo(200);
        }
    }

    @Test
    void auditLogSinceComparesInstants_soTheSameDayIsIncluded() throws Exception {
        // given: an audit row at 2026-11-26T12:00:00Z
        api.rank(3);

        // then: a since earlier that day includes it (compared as instants, not as text)
        assertThat(entries("since=2026-11-26T00:00:00Z")).contains("\"event_type\":\"eligibility_update\"");
        assertThat(entries("since=2026-11-26T12:00:00.000Z")).contains("\"event_type\":\"eligibility_update\"");
        assertThat(entries("since=2026-11-26T12:00:00.001Z")).isEqualTo("{\"entries\":[]}");
        assertThat(entries("limit=1")).startsWith("{\"entries\":[{\"id\":1,\"event_type\":\"eligibility_update\","
                + "\"event_data\":{\"ranked\":3},\"created_at\":\"2026-11-26T12:00:00.000Z\"}");
    }

    @Test
    void healthShowsTheSyncStateInDetail() throws Exception {
        api.rank(3);

        var response = api.admin("GET", "/admin/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"last_successful_query\":\"2026-11-26T12:00:00.000Z\","
                + "\"last_query_attempt\":\"2026-11-26T12:00:00.000Z\",\"consecutive_failures\":0,"
                + "\"in_grace_period\":false,\"grace_period_hours\":24}");
    }

    private String entries(String query) throws Exception {
        var response = api.admin("GET", "/admin/audit-log?" + query, null);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.body();
    }

    private void assertBadQuery(String query, String message) throws Exception {
        var response = api.admin("GET", "/admin/audit-log?" + query, null);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.body()).as(query).isEqualTo("{\"error\":\"" + message + "\"}");
    }

    private void assertBadOverride(String body, String message) throws Exception {
        var response = api.admin("POST", "/admin/override", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).as(body).isEqualTo("{\"error\":\"" + message + "\"}");
    }
}
