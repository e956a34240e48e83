package dev.sietch.http.internal.route;

import dev.sietch.core.model.AlertFrequency;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.Json;
import dev.sietch.http.internal.json.NotificationBodies;
import dev.sietch.http.internal.json.Wire;
import java.util.List;
import java.util.Optional;

/**
 * A member's own alert preferences, alert history and position (#27-#30). The caller is the
 * subject of their member token; an {@code X-Discord-User-Id} header (which proves
 * nothing) is accepted only if it names the same account.
 */
public final class NotificationRoutes {

    private final Members members;
    private final Notifications notifications;
    private final ReadCommunity community;

    public NotificationRoutes(Members members, Notifications notifications, ReadCommunity community) {
        this.members = members;
        this.notifications = notifications;
        this.community = community;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/notifications/preferences", Route.Access.MEMBER, "The caller's alert preferences",
                        NotificationBodies.AlertPreferences.class, this::preferences),
                Route.put("/api/notifications/preferences", Route.Access.MEMBER, "Change the caller's alert preferences",
                        NotificationBodies.AlertPreferences.class, this::updatePreferences),
                Route.get("/api/notifications/history", Route.Access.MEMBER, "Alerts sent to the caller, newest first",
                        NotificationBodies.AlertHistory.class, this::history).withQuery("limit", "alert_type"),
                Route.get("/api/position", Route.Access.MEMBER, "The caller's rank, BGT held and distances",
                        NotificationBodies.Position.class, this::position));
    }

    private void preferences(Call call) {
        MemberProfile member = member(call);
        call.ok(body(notifications.preferences(member.memberId(), call.now())));
    }

    private void updatePreferences(Call call) {
        MemberProfile member = member(call);
        ObjectNode body = call.body();
        var query = new Query();
        Optional<Boolean> position = query.optionalBoolean(body.get("position_updates"));
        Optional<Boolean> atRisk = query.optionalBoolean(body.get("at_risk_warnings"));
        Optional<Boolean> naib = query.optionalBoolean(body.get("naib_alerts"));
        Optional<AlertFrequency> frequency = query.oneOf(query.optionalString(body.get("frequency")),
                AlertFrequency.wireNames()).flatMap(AlertFrequency::of);
        query.check();
        call.ok(body(notifications.update(member.memberId(),
                new Notifications.Change(position, atRisk, naib, frequency), call.now())));
    }

    /** {@code limit} must be a whole number (1.5 is a client error, 400). */
    private void history(Call call) {
        MemberProfile member = member(call);
        var query = new Query();
        int limit = query.integer(call.query("limit"), 1, 100, 50);
        query.check();
        var alerts = notifications.history(member.memberId().value(), limit, call.query("alert_type"));
        call.ok(new NotificationBodies.AlertHistory(
                alerts.stream().map(a -> new NotificationBodies.AlertEntry(
                        a.id(),
                        a.type(),
                        a.delivered(),
                        Wire.timestamp(a.sentAt()),
                        Json.tree(a.dataJson()))).toList(),
                alerts.size()));
    }

    private void position(Call call) {
        checkIdentityHeader(call);
        switch (community.position(call.member())) {
            case ReadCommunity.NoProfile none -> throw HttpError.notFound("Member not found");
            case ReadCommunity.NoWallet none -> throw HttpError.badRequest("Member has no wallet address linked");
            case ReadCommunity.NotRanked none -> throw HttpError.notFound("Wallet not found in eligibility rankings");
            case ReadCommunity.Found found -> {
                var p = found.position();
                call.ok(new NotificationBodies.Position(
                        p.position(),
                        Wire.bgt(p.held()),
                        Wire.bgt(p.toAbove()),
                        Wire.bgt(p.toBelow()),
                        Wire.bgt(p.toEntry()),
                        p.naib(),
                        p.fedaykin(),
                        p.atRisk()));
            }
        }
    }

    private MemberProfile member(Call call) {
        checkIdentityHeader(call);
        return members.byDiscordId(call.member()).orElseThrow(() -> HttpError.notFound("Member not found"));
    }

    private static void checkIdentityHeader(Call call) {
        Optional<String> claimed = call.header("X-Discord-User-Id");
        if (claimed.isPresent() && !claimed.get().equals(call.member().wire())) {
            throw new HttpError(403, "The identity header does not match the member token");
        }
    }

    private static NotificationBodies.AlertPreferences body(Notifications.Preferences p) {
        return new NotificationBodies.AlertPreferences(
                p.positionUpdates(),
                p.atRiskWarnings(),
                p.naibAlerts(),
                p.frequency().wireName(),
                p.alertsSentThisWeek(),
                p.frequency().perWeek());
    }
}
