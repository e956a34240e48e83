package dev.sietch.http.internal.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.usecase.AwardBadge;
import dev.sietch.core.usecase.RevokeBadge;
import dev.sietch.core.usecase.SendTestAlert;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.AdminBodies;
import java.util.List;
import java.util.Optional;

/** Badge awards and alert administration (#10-#14). */
public final class AdminCommunityRoutes {

    static final String AWARD_FAILED = "Failed to award badge. Member or badge may not exist, or badge already awarded.";

    private final AwardBadge awardBadge;
    private final RevokeBadge revokeBadge;
    private final SendTestAlert sendTestAlert;
    private final Notifications notifications;

    public AdminCommunityRoutes(AwardBadge awardBadge, RevokeBadge revokeBadge, SendTestAlert sendTestAlert,
            Notifications notifications) {
        this.awardBadge = awardBadge;
        this.revokeBadge = revokeBadge;
        this.sendTestAlert = sendTestAlert;
        this.notifications = notifications;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/admin/badges/award", Route.Access.ADMIN, "Award a contribution or special badge",
                        AdminBodies.BadgeChange.class, this::award).created(),
                Route.delete("/admin/badges/{memberId}/{badgeId}", Route.Access.ADMIN, "Revoke a badge",
                        AdminBodies.BadgeChange.class, this::revoke),
                Route.get("/admin/alerts/stats", Route.Access.ADMIN, "Alert delivery and opt-out statistics",
                        AdminBodies.AlertStats.class, this::stats),
                Route.post("/admin/alerts/test/{memberId}", Route.Access.ADMIN, "Send a member a test position alert",
                        AdminBodies.TestAlert.class, this::testAlert),
                Route.post("/admin/alerts/reset-counters", Route.Access.ADMIN, "Reset every member's weekly alert count",
                        AdminBodies.CountersReset.class, this::resetCounters));
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
        AwardBadge.Result result = awardBadge.award(new MemberId(memberId.toLowerCase(java.util.Locale.ROOT)), badgeId, awardedBy,
                reason, call.admin());
        if (!(result instanceof AwardBadge.Awarded)) {
            throw HttpError.badRequest(AWARD_FAILED);
        }
        call.send(201, new AdminBodies.BadgeChange("Badge awarded successfully", memberId, badgeId));
    }

    private void revoke(Call call) {
        MemberId memberId = Community.memberId(call.parameter("memberId"));
        String badgeId = call.parameter("badgeId");
        if (!(revokeBadge.revoke(memberId, badgeId, call.admin()) instanceof RevokeBadge.Revoked)) {
            throw HttpError.notFound("Badge not found for this member");
        }
        call.ok(new AdminBodies.BadgeChange("Badge revoked successfully", memberId.value(), badgeId));
    }

    private void stats(Call call) {
        Notifications.Stats stats = notifications.stats(AlertRules.weekStart(call.now()));
        call.ok(new AdminBodies.AlertStats(
                stats.total(),
                stats.thisWeek(),
                stats.byType(),
                stats.total() == 0 ? (Number) 1 : (double) stats.delivered() / stats.total(),
                stats.preferences() == 0 ? (Number) 0 : (double) stats.positionUpdatesDisabled() / stats.preferences(),
                stats.positionUpdatesDisabled(),
                stats.atRiskWarningsDisabled()));
    }

    /**
     * A fixed position update, subject to the member's preferences and weekly cap. An unknown or
     * malformed member id is a 400, answered at once.
     */
    private void testAlert(Call call) {
        MemberId memberId = Community.memberId(call.parameter("memberId"));
        switch (sendTestAlert.send(memberId, call.admin())) {
            case SendTestAlert.NoSuchMember missing -> throw HttpError.badRequest("Member not found");
            case SendTestAlert.Refused refused -> call.ok(new AdminBodies.TestAlert(false, Optional.empty(),
                    Optional.of(refused.reason()), "Failed to send test alert: " + refused.reason()));
            case SendTestAlert.Recorded recorded -> {
                Notifications.Alert alert = recorded.alert();
                call.ok(new AdminBodies.TestAlert(alert.delivered(), Optional.of(alert.id()),
                        alert.deliveryError(),
                        alert.delivered() ? "Test alert sent successfully"
                                : "Failed to send test alert: " + alert.deliveryError().orElse("unknown")));
            }
        }
    }

    private void resetCounters(Call call) {
        int reset = notifications.resetCounters(call.admin(), call.now());
        call.ok(new AdminBodies.CountersReset("Weekly alert counters reset", reset));
    }
}
