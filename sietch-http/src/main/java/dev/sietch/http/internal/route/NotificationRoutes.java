package dev.sietch.http.internal.route;

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
import dev.sietch.http.internal.json.Wire;
import java.util.List;
import java.util.Map;
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
                        this::preferences),
                Route.put("/api/notifications/preferences", Route.Access.MEMBER, "Change the caller's alert preferences",
                        this::updatePreferences),
                Route.get("/api/notifications/history", Route.Access.MEMBER, "Alerts sent to the caller, newest first",
                        this::history).withQuery("limit", "alert_type"),
                Route.get("/api/position", Route.Access.MEMBER, "The caller's rank, BGT held and distances",
                        this::position));
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
        Optional<Notifications.Frequency> frequency = query.oneOf(query.optionalString(body.get("frequency")),
                Notifications.Frequency.wireNames()).flatMap(Notifications.Frequency::of);
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
        var alerts = notifications.history(member.memberId(), limit, call.query("alert_type"));
        call.ok(Wire.object(
                "alerts", alerts.stream().map(a -> Wire.object(
                        "id", a.id(),
                        "alert_type", a.type(),
                        "delivered", a.delivered(),
                        "sent_at", Wire.timestamp(a.sentAt()),
                        "alert_data", Json.tree(a.dataJson()))).toList(),
                "total", alerts.size()));
    }

    private void position(Call call) {
        checkIdentityHeader(call);
        switch (community.position(call.member())) {
            case ReadCommunity.NoProfile none -> throw HttpError.notFound("Member not found");
            case ReadCommunity.NoWallet none -> throw HttpError.badRequest("Member has no wallet address linked");
            case ReadCommunity.NotRanked none -> throw HttpError.notFound("Wallet not found in eligibility rankings");
            case ReadCommunity.Found found -> {
                var p = found.position();
                call.ok(Wire.object(
                        "position", p.position(),
                        "bgt", Wire.bgt(p.held()),
                        "distance_to_above", p.toAbove().map(Wire::bgt).orElse(null),
                        "distance_to_below", p.toBelow().map(Wire::bgt).orElse(null),
                        "distance_to_entry", p.toEntry().map(Wire::bgt).orElse(null),
                        "is_naib", p.naib(),
                        "is_fedaykin", p.fedaykin(),
                        "is_at_risk", p.atRisk()));
            }
        }
    }

    private MemberProfile member(Call call) {
        checkIdentityHeader(call);
        return members.byDiscordId(call.member()).orElseThrow(() -> HttpError.notFound("Member not found"));
    }

    private static void checkIdentityHeader(Call call) {
        Optional<String> claimed = call.header("X-Discord-User-Id");
        if (claimed.isPresent() && !claimed.get().equals(call.member())) {
            throw new HttpError(403, "The identity header does not match the member token");
        }
    }

    private static Map<String, Object> body(Notifications.Preferences p) {
        return Wire.object(
                "position_updates", p.positionUpdates(),
                "at_risk_warnings", p.atRiskWarnings(),
                "naib_alerts", p.naibAlerts(),
                "frequency", p.frequency().wireName(),
                "alerts_sent_this_week", p.alertsSentThisWeek(),
                "max_alerts_per_week", p.frequency().perWeek());
    }
}
