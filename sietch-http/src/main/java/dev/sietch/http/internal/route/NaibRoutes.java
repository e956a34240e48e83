package dev.sietch.http.internal.route;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.NaibBodies;
import dev.sietch.http.internal.json.Wire;
import java.util.List;

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
                        NaibBodies.Council.class, this::overview),
                Route.get("/api/naib/current", Route.Access.PUBLIC, "Current Naib", NaibBodies.CurrentCouncil.class,
                        this::current),
                Route.get("/api/naib/former", Route.Access.PUBLIC, "Former Naib", NaibBodies.FormerCouncil.class,
                        this::former),
                Route.get("/api/naib/member/{memberId}", Route.Access.PUBLIC, "A member's Naib status and seat history",
                        NaibBodies.NaibStatus.class, this::member));
    }

    private void overview(Call call) {
        var current = community.currentNaib();
        call.ok(new NaibBodies.Council(
                current.stream().map(NaibRoutes::current).toList(),
                community.formerNaib().stream().map(NaibRoutes::former).toList(),
                Math.max(0, community.seatCount() - current.size()),
                Wire.timestamp(call.now())));
    }

    private void current(Call call) {
        var current = community.currentNaib();
        call.ok(new NaibBodies.CurrentCouncil(
                current.stream().map(NaibRoutes::current).toList(),
                current.size(),
                Math.max(0, community.seatCount() - current.size()),
                community.seatCount()));
    }

    private void former(Call call) {
        var former = community.formerNaib();
        call.ok(new NaibBodies.FormerCouncil(former.stream().map(NaibRoutes::former).toList(), former.size()));
    }

    private void member(Call call) {
        MemberId memberId = Community.memberId(call.parameter("memberId"));
        ReadCommunity.NaibStatus status = community.naibStatus(memberId);
        call.ok(new NaibBodies.NaibStatus(
                memberId.value(),
                status.current(),
                status.former(),
                status.ever(),
                status.history().stream().map(NaibRoutes::seat).toList()));
    }

    private static NaibBodies.CurrentNaib current(ReadCommunity.CurrentNaib naib) {
        return new NaibBodies.CurrentNaib(
                naib.displaySeat(),
                naib.member().nym(),
                naib.member().memberId().value(),
                Community.publicPicture(naib.member()),
                Wire.timestamp(naib.seatedAt()),
                naib.founding());
    }

    private static NaibBodies.FormerNaib former(ReadCommunity.FormerNaib naib) {
        return new NaibBodies.FormerNaib(
                naib.member().nym(),
                naib.member().memberId().value(),
                Community.publicPicture(naib.member()),
                Wire.timestamp(naib.firstSeatedAt()),
                Wire.timestamp(naib.lastUnseatedAt()),
                naib.tenure().toDays(),
                naib.seatCount());
    }

    private static NaibBodies.SeatEntry seat(NaibSeats.Seat seat) {
        return new NaibBodies.SeatEntry(
                seat.seatNumber(),
                Wire.timestamp(seat.seatedAt()),
                Wire.timestamp(seat.unseatedAt()),
                seat.unseatReason());
    }
}
