package dev.sietch.http.internal.route;

import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.Wire;
import java.util.List;
import java.util.Map;

/**
 * The Naib council (#20-#23). Deliberately without leaks: no eligibility
 * {@code rank} next to a Naib's nym (with /eligibility it mapped nyms to wallets) and no exact
 * BGT amounts in the seat history.
 */
public final class NaibRoutes {

    private final ReadCommunity community;

    public NaibRoutes(ReadCommunity community) {
        this.community = community;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/naib", Route.Access.PUBLIC, "The Naib council: current and former members, empty seats",
                        this::overview),
                Route.get("/api/naib/current", Route.Access.PUBLIC, "Current Naib", this::current),
                Route.get("/api/naib/former", Route.Access.PUBLIC, "Former Naib", this::former),
                Route.get("/api/naib/member/{memberId}", Route.Access.PUBLIC, "A member's Naib status and seat history",
                        this::member));
    }

    private void overview(Call call) {
        var current = community.currentNaib();
        call.ok(Wire.object(
                "current", current.stream().map(NaibRoutes::current).toList(),
                "former", community.formerNaib().stream().map(NaibRoutes::former).toList(),
                "empty_seats", Math.max(0, community.seatCount() - current.size()),
                "updated_at", Wire.timestamp(call.now())));
    }

    private void current(Call call) {
        var current = community.currentNaib();
        call.ok(Wire.object(
                "members", current.stream().map(NaibRoutes::current).toList(),
                "filled_seats", current.size(),
                "empty_seats", Math.max(0, community.seatCount() - current.size()),
                "total_seats", community.seatCount()));
    }

    private void former(Call call) {
        var former = community.formerNaib();
        call.ok(Wire.object("members", former.stream().map(NaibRoutes::former).toList(), "total", former.size()));
    }

    private void member(Call call) {
        String memberId = Community.memberId(call.parameter("memberId"));
        ReadCommunity.NaibStatus status = community.naibStatus(memberId);
        call.ok(Wire.object(
                "member_id", memberId,
                "is_current_naib", status.current(),
                "is_former_naib", status.former(),
                "has_ever_been_naib", status.ever(),
                "seat_history", status.history().stream().map(NaibRoutes::seat).toList()));
    }

    private static Map<String, Object> current(ReadCommunity.CurrentNaib naib) {
        return Wire.object(
                "seat_number", naib.displaySeat(),
                "nym", naib.member().nym(),
                "member_id", naib.member().memberId(),
                "pfp_url", Community.publicPicture(naib.member()).orElse(null),
                "seated_at", Wire.timestamp(naib.seatedAt()),
                "is_founding", naib.founding());
    }

    private static Map<String, Object> former(ReadCommunity.FormerNaib naib) {
        return Wire.object(
                "nym", naib.member().nym(),
                "member_id", naib.member().memberId(),
                "pfp_url", Community.publicPicture(naib.member()).orElse(null),
                "first_seated_at", Wire.timestamp(naib.firstSeatedAt()),
                "last_unseated_at", Wire.timestamp(naib.lastUnseatedAt()),
                "total_tenure_days", naib.tenure().toDays(),
                "seat_count", naib.seatCount());
    }

    private static Map<String, Object> seat(NaibSeats.Seat seat) {
        return Wire.object(
                "seat_number", seat.seatNumber(),
                "seated_at", Wire.timestamp(seat.seatedAt()),
                "unseated_at", Wire.timestamp(seat.unseatedAt()),
                "unseat_reason", seat.unseatReason().orElse(null));
    }
}
