package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The administrators' bodies: overrides, the audit log, sync health, badges and alerts. */
public final class AdminBodies {

    private AdminBodies() {}

    /** {@code POST /admin/override} (201). */
    public record OverrideCreated(
            @JsonProperty("id") long id,
            @JsonProperty("message") String message) {}

    /** {@code GET /admin/overrides}: those in force, oldest first. */
    public record Overrides(@JsonProperty("overrides") List<OverrideEntry> overrides) {}

    public record OverrideEntry(
            @JsonProperty("id") long id,
            @JsonProperty("address") String address,
            @JsonProperty("action") String action,
            @JsonProperty("reason") String reason,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("expires_at") Optional<String> expiresAt) {}

    /** {@code GET /admin/audit-log}: newest first. */
    public record AuditLogPage(@JsonProperty("entries") List<AuditRow> entries) {}

    /** @param eventData the event's data as it was recorded */
    public record AuditRow(
            @JsonProperty("id") long id,
            @JsonProperty("event_type") String eventType,
            @JsonProperty("event_data") JsonNode eventData,
            @JsonProperty("created_at") String createdAt) {}

    /** {@code GET /admin/health}. */
    public record SyncHealthDetail(
            @JsonProperty("last_successful_query") Optional<String> lastSuccessfulQuery,
            @JsonProperty("last_query_attempt") Optional<String> lastQueryAttempt,
            @JsonProperty("consecutive_failures") int consecutiveFailures,
            @JsonProperty("in_grace_period") boolean inGracePeriod,
            @JsonProperty("grace_period_hours") long gracePeriodHours) {}

    /** A badge awarded (201) or revoked. */
    public record BadgeChange(
            @JsonProperty("message") String message,
            @JsonProperty("member_id") String memberId,
            @JsonProperty("badge_id") String badgeId) {}

    /**
     * {@code GET /admin/alerts/stats}.
     *
     * @param deliveryRate {@code 1} (an integer) when nothing was sent, else a fraction
     * @param optOutRate {@code 0} (an integer) when no member has preferences, else a fraction
     */
    public record AlertStats(
            @JsonProperty("total_sent") long totalSent,
            @JsonProperty("sent_this_week") long sentThisWeek,
            @JsonProperty("by_type") Map<String, Long> byType,
            @JsonProperty("delivery_rate") Number deliveryRate,
            @JsonProperty("opt_out_rate") Number optOutRate,
            @JsonProperty("position_updates_disabled") long positionUpdatesDisabled,
            @JsonProperty("at_risk_warnings_disabled") long atRiskWarningsDisabled) {}

    /** {@code POST /admin/alerts/test/{memberId}}: refused (no alert) or recorded. */
    public record TestAlert(
            @JsonProperty("success") boolean success,
            @JsonProperty("alert_id") Optional<Long> alertId,
            @JsonProperty("error") Optional<String> error,
            @JsonProperty("message") String message) {}

    /** {@code POST /admin/alerts/reset-counters}. */
    public record CountersReset(
            @JsonProperty("message") String message,
            @JsonProperty("members_reset") int membersReset) {}
}
