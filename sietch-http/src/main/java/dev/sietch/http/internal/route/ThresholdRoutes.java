package dev.sietch.http.internal.route;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ThresholdHistory;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.ThresholdBodies;
import dev.sietch.http.internal.json.Wire;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entry threshold, its history and the waitlist (#24-#26). Waitlist wallets are public chain
 * data about non-members; they are shown truncated ({@code 0x1234...5678}) and never next to a nym.
 */
public final class ThresholdRoutes {

    private static final int TOP_WAITLIST = 5;

    private final ReadCommunity community;
    private final ThresholdHistory history;
    private final Waitlist waitlist;

    public ThresholdRoutes(ReadCommunity community, ThresholdHistory history, Waitlist waitlist) {
        this.community = community;
        this.history = history;
        this.waitlist = waitlist;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/threshold", Route.Access.PUBLIC, "The entry threshold and the top of the waitlist",
                        ThresholdBodies.Threshold.class, this::threshold),
                Route.get("/api/threshold/history", Route.Access.PUBLIC, "The entry threshold at each sync, newest first",
                        ThresholdBodies.ThresholdHistory.class, this::history).withQuery("limit", "since"),
                Route.get("/api/waitlist/status/{address}", Route.Access.PUBLIC, "A wallet's place on the waitlist",
                        ThresholdBodies.WaitlistStatus.class, this::status));
    }

    private void threshold(Call call) {
        Threshold threshold = community.threshold();
        List<RankedWallet> top = threshold.waitlist().subList(0, Math.min(TOP_WAITLIST, threshold.waitlistCount()));
        Set<WalletAddress> registered = waitlist.registered(top.stream().map(RankedWallet::wallet).toList());
        call.responseHeader("Cache-Control", "public, max-age=60");
        call.ok(new ThresholdBodies.Threshold(
                threshold.entry().map(Wire::bgt).orElse(BigDecimal.ZERO),
                threshold.eligibleCount(),
                threshold.waitlistCount(),
                Wire.bgt(threshold.gapToEntry()),
                top.stream().map(w -> new ThresholdBodies.WaitlistEntry(
                        w.rank(),
                        w.wallet().truncated(),
                        Wire.bgt(w.held()),
                        Wire.bgt(threshold.distanceToEntry(w.held())),
                        registered.contains(w.wallet()))).toList(),
                Wire.timestamp(call.now())));
    }

    private void history(Call call) {
        var query = new Query();
        int limit = query.integer(call.query("limit"), 1, 100, 24);
        Optional<Instant> since = query.datetime(call.query("since"));
        query.check();
        var snapshots = history.recent(limit, since);
        call.ok(new ThresholdBodies.ThresholdHistory(
                snapshots.stream().map(s -> new ThresholdBodies.Snapshot(
                        s.id(),
                        s.entry().map(Wire::bgt).orElse(BigDecimal.ZERO),
                        s.eligibleCount(),
                        s.waitlistCount(),
                        Wire.timestamp(s.createdAt()))).toList(),
                snapshots.size()));
    }

    /** Only ranks 70-100 are "in waitlist range" (not members, not wallets beyond the waitlist). */
    private void status(Call call) {
        WalletAddress wallet = EligibilityRoutes.address(call.parameter("address"));
        Optional<RankedWallet> place = community.waitlisted(wallet);
        Optional<Wei> entry = community.entryThreshold();
        Optional<Waitlist.Registration> registration = waitlist.activeFor(wallet);
        call.ok(new ThresholdBodies.WaitlistStatus(
                wallet.value(),
                place.isPresent(),
                place.map(RankedWallet::rank),
                place.map(p -> Wire.bgt(p.held())),
                place.flatMap(p -> entry.map(e -> Wire.bgt(e.minusOrZero(p.held())))),
                registration.isPresent(),
                registration.map(r -> Wire.timestamp(r.registeredAt()))));
    }
}
