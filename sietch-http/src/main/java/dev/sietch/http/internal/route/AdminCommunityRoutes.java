package dev.sietch.http.internal.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.Wire;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/** Badge awards and alert administration (#10-#14). */
public final class AdminCommunityRoutes {

    static final String AWARD_FAILED = "Failed to award badge. Member or badge may not exist, or badge already awarded.";

    /** Until the Discord bot delivers alerts, a test alert is recorded as undelivered with this reason. */
    static final String NOT_CONNECTED = "Discord is not connected";

    private final Members members;
    private final MemberBadges badges;
    private final Notifications notifications;

    public AdminCommunityRoutes(Members members, MemberBadges badges, Notifications notifications) {
        this.members = members;
        this.badges = badges;
        this.notifications = notifications;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/admin/badges/award", Route.Access.ADMIN, "Award a contribution or special badge",
                        this::award).created(),
                Route.delete("/admin/badges/{memberId}/{badgeId}", Route.Access.ADMIN, "Revoke a badge", this::revoke),
                Route.get("/admin/alerts/stats", Route.Access.ADMIN, "Alert delivery and opt-out statistics", this::stats),
                Route.post("/admin/alerts/test/{memberId}", Route.Access.ADMIN, "Send a member a test position alert",
                        this::testAlert),
                Route.post("/admin/alerts/reset-counters", Route.Access.ADMIN, "Reset every member's weekly alert count",
                        this::resetCounters));
    }

    private void award(Call call) {
        ObjectNode body = call.body();
        var query = new Query();
        String memberId = query.requiredString(body.get("member_id"));
        if (memberId != null && !Community.UUID.matcher(memberId).matches()) {
            query.issue("Invalid member ID");
        }
        String badgeId = query.requiredString(body.get("badge_id"));
        if (badgeId != null && badgeId.isEmpty()) {
            query.issue("Badge ID is required");
        }
        String awardedBy = query.requiredString(body.get("awarded_by"));
        if (awardedBy != null && awardedBy.isEmpty()) {
            query.issue("Awarded by is required");
        }
        Optional<String> reason = query.optionalString(body.get("reason"));
        query.check();
        Badge badge = Badge.byId(badgeId).filter(Badge::isManual).orElseThrow(() -> HttpError.badRequest(AWARD_FAILED));
        MemberBadges.AwardResult result = badges.award(memberId.toLowerCase(java.util.Locale.ROOT), badge, awardedBy,
                reason, call.admin(), call.now());
        if (result != MemberBadges.AwardResult.AWARDED) {
            throw HttpError.badRequest(AWARD_FAILED);
        }
        call.send(201, Wire.object("message", "Badge awarded successfully", "member_id", memberId, "badge_id", badgeId));
    }

    private void revoke(Call call) {
        String memberId = Community.memberId(call.parameter("memberId"));
        String badgeId = call.parameter("badgeId");
        if (!badges.revoke(memberId, badgeId, call.admin(), call.now())) {
            throw HttpError.notFound("Badge not found for this member");
        }
        call.ok(Wire.object("message", "Badge revoked successfully", "member_id", memberId, "badge_id", badgeId));
    }

    private void stats(Call call) {
        Notifications.Stats stats = notifications.stats(weekStart(call.now()));
        call.ok(Wire.object(
                "total_sent", stats.total(),
                "sent_this_week", stats.thisWeek(),
                "by_type", stats.byType(),
                "delivery_rate", stats.total() == 0 ? (Object) 1 : (double) stats.delivered() / stats.total(),
                "opt_out_rate", stats.preferences() == 0 ? (Object) 0 : (double) stats.positionUpdatesDisabled() / stats.preferences(),
                "position_updates_disabled", stats.positionUpdatesDisabled(),
                "at_risk_warnings_disabled", stats.atRiskWarningsDisabled()));
    }

    /**
     * A fixed position update, subject to the member's preferences and weekly cap. An unknown or
     * malformed member id is a 400, answered at once.
     */
    private void testAlert(Call call) {
        String memberId = Community.memberId(call.parameter("memberId"));
        MemberProfile member = members.byId(memberId).orElseThrow(() -> HttpError.badRequest("Member not found"));
        Notifications.Preferences preferences = notifications.preferences(member.memberId(), call.now());
        String refusal = !preferences.positionUpdates() ? "Position updates disabled"
                : preferences.alertsSentThisWeek() >= preferences.frequency().perWeek()
                        ? "Weekly limit reached (" + preferences.alertsSentThisWeek() + "/" + preferences.frequency().perWeek() + ")"
                        : null;
        if (refusal != null) {
            call.ok(Wire.object("success", false, "alert_id", null, "error", refusal,
                    "message", "Failed to send test alert: " + refusal));
            return;
        }
        Notifications.Alert alert = notifications.record(new Notifications.NewAlert(member.memberId(), true,
                "position_update", "{\"position\":42,\"bgt\":1234.5678,\"distanceToAbove\":10.5,\"distanceToBelow\":5.25,"
                        + "\"distanceToEntry\":null,\"isNaib\":false,\"isFedaykin\":true,\"test\":true}",
                false, Optional.of(NOT_CONNECTED), Optional.of(call.admin())), call.now());
        call.ok(Wire.object("success", alert.delivered(), "alert_id", alert.id(),
                "error", alert.deliveryError().orElse(null),
                "message", alert.delivered() ? "Test alert sent successfully"
                        : "Failed to send test alert: " + alert.deliveryError().orElse("unknown")));
    }

    private void resetCounters(Call call) {
        int reset = notifications.resetCounters(call.admin(), call.now());
        call.ok(Wire.object("message", "Weekly alert counters reset", "members_reset", reset));
    }

    /** The alert week: from Monday 00:00 UTC (the weekly reset's boundary). */
    static Instant weekStart(Instant now) {
        return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
    }
}
