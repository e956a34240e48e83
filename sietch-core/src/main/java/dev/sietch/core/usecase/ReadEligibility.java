package dev.sietch.core.usecase;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** The read model behind {@code /eligibility} (Collab.Land) and {@code /health}. */
public final class ReadEligibility {

    private final RankingReader rankings;
    private final SyncHealthSource health;
    private final RankingPolicy policy;
    private final Clock clock;

    public ReadEligibility(RankingReader rankings, SyncHealthSource health, RankingPolicy policy, Clock clock) {
        this.rankings = Objects.requireNonNull(rankings, "rankings");
        this.health = Objects.requireNonNull(health, "health");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The member list: {@code members} are the wallets with member ranks (1..cut-off) in rank
     * order, {@code naib} their Naib addresses; {@code updatedAt} is the last successful sync (or
     * now, before the first one).
     */
    public record MemberList(Instant updatedAt, boolean gracePeriod, List<RankedWallet> members,
            List<WalletAddress> naib) {}

    /** One wallet's standing; an unknown wallet is not eligible, with no rank and no amount. */
    public record WalletStanding(WalletAddress wallet, boolean eligible, OptionalInt rank, Role role,
            Optional<Wei> held) {}

    public MemberList memberList() {
        SyncHealth state = health.current();
        List<RankedWallet> top = rankings.upToRank(policy.memberCutoff());
        return new MemberList(
                state.lastSuccessfulSync().orElseGet(clock::instant),
                state.inGracePeriod(),
                top,
                top.stream().filter(w -> w.role() == Role.NAIB).map(RankedWallet::wallet).toList());
    }

    public WalletStanding standing(WalletAddress wallet) {
        return rankings.find(wallet)
                .map(w -> new WalletStanding(wallet, w.member(), OptionalInt.of(w.rank()), w.role(), Optional.of(w.held())))
                .orElseGet(() -> new WalletStanding(wallet, false, OptionalInt.empty(), Role.NONE, Optional.empty()));
    }

    public SyncHealth health() {
        return health.current();
    }
}
