package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A member's own alert preferences, alert history and position. */
public final class NotificationBodies {

    private NotificationBodies() {}

    /** {@code GET} and {@code PUT /api/notifications/preferences}. */
    public record AlertPreferences(
            @JsonProperty("position_updates") boolean positionUpdates,
            @JsonProperty("at_risk_warnings") boolean atRiskWarnings,
            @JsonProperty("naib_alerts") boolean naibAlerts,
            @JsonProperty("frequency") String frequency,
            @JsonProperty("alerts_sent_this_week") int alertsSentThisWeek,
            @JsonProperty("max_alerts_per_week") int maxAlertsPerWeek) {}

    /** {@code GET /api/notifications/history}: newest first. */
    public record AlertHistory(
            @JsonProperty("alerts") List<AlertEntry> alerts,
            @JsonProperty("total") int total) {}

    /** @param alertData the alert's data as it was recorded */
    public record AlertEntry(
            @JsonProperty("id") long id,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("delivered") boolean delivered,
            @JsonProperty("sent_at") String sentAt,
            @JsonProperty("alert_data") JsonNode alertData) {}

    /** {@code GET /api/position}: the caller's rank, BGT held and distances. */
    public record Position(
            @JsonProperty("position") int position,
            @JsonProperty("bgt") BigDecimal bgt,
            @JsonProperty("distance_to_above") Optional<BigDecimal> distanceToAbove,
            @JsonProperty("distance_to_below") Optional<BigDecimal> distanceToBelow,
            @JsonProperty("distance_to_entry") Optional<BigDecimal> distanceToEntry,
            @JsonProperty("is_naib") boolean naib,
            @JsonProperty("is_fedaykin") boolean fedaykin,
            @JsonProperty("is_at_risk") boolean atRisk) {}
}
