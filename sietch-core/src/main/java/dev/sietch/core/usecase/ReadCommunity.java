package dev.sietch.core.usecase;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.WalletLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The read model behind the Naib, threshold, waitlist and position routes: it joins seats and
 * profiles with the current ranking through the members' linked wallets. What it returns about
 * members never includes their wallet or exact rank; only {@link #position} does, for the member
 * asking about themselves.
 */
public final class ReadCommunity {

    /** Seats taken within an hour of the earliest current seat are the founding council. */
    static final Duration FOUNDING_WINDOW = Duration.ofHours(1);

    private final Members members;
    private final WalletLinks links;
    private final NaibSeats seats;
    private final RankingReader rankings;
    private final RankingPolicy policy;

    public ReadCommunity(Members members, WalletLinks links, NaibSeats seats, RankingReader rankings,
            RankingPolicy policy) {
        this.members = Objects.requireNonNull(members, "members");
        this.links = Objects.requireNonNull(links, "links");
        this.seats = Objects.requireNonNull(seats, "seats");
        this.rankings = Objects.requireNonNull(rankings, "rankings");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param displaySeat 1.. in the order seats were taken. (Numbering seats by BGT held would line
     *     the council up with the top of {@code /eligibility} and so tie each Naib's nym to a
     *     wallet; seat order says nothing about holdings.)
     */
    public record CurrentNaib(int displaySeat, MemberProfile member, Instant seatedAt, boolean founding) {}

    /** @param tenure time seated over all closed seats */
    public record FormerNaib(MemberProfile member, Instant firstSeatedAt, Instant lastUnseatedAt, Duration tenure,
            int seatCount) {}

    public record NaibStatus(boolean current, boolean former, boolean ever, List<NaibSeats.Seat> history) {}

    /**
     * A member's own standing.
     *
     * @param toAbove what the member lacks to reach the wallet ranked above (none at rank 1)
     * @param toBelow the member's lead over the wallet ranked below (none at the end)
     * @param toEntry what the member lacks to reach the entry threshold (only below the member cut-off)
     * @param naib holds a Naib seat
     */
    public record Position(int position, Wei held, Optional<Wei> toAbove, Optional<Wei> toBelow, Optional<Wei> toEntry,
            boolean naib, boolean fedaykin, boolean atRisk) {}

    public sealed interface PositionResult {}

    public record Found(Position position) implements PositionResult {}

    public record NoProfile() implements PositionResult {}

    public record NoWallet() implements PositionResult {}

    public record NotRanked() implements PositionResult {}

    public List<CurrentNaib> currentNaib() {
        List<NaibSeats.Seat> active = seats.active();
        if (active.isEmpty()) {
            return List.of();
        }
        Instant earliest = active.stream().map(NaibSeats.Seat::seatedAt).min(Comparator.naturalOrder()).orElseThrow();
        record Holder(NaibSeats.Seat seat, MemberProfile member) {}
        var holders = new ArrayList<Holder>();
        for (NaibSeats.Seat seat : active) {
            members.byId(seat.memberId()).ifPresent(member -> holders.add(new Holder(seat, member)));
        }
        holders.sort(Comparator.comparing((Holder h) -> h.seat().seatedAt()).thenComparingInt(h -> h.seat().seatNumber()));
        var council = new ArrayList<CurrentNaib>();
        for (int i = 0; i < holders.size(); i++) {
            Holder h = holders.get(i);
            council.add(new CurrentNaib(i + 1, h.member(), h.seat().seatedAt(),
                    Duration.between(earliest, h.seat().seatedAt()).compareTo(FOUNDING_WINDOW) < 0));
        }
        return council;
    }

    /** Members who held a seat and hold none now, longest total tenure first. */
    public List<FormerNaib> formerNaib() {
        var seated = new java.util.HashSet<MemberId>();
        seats.active().forEach(s -> seated.add(s.memberId()));
        Map<MemberId, List<NaibSeats.Seat>> closedByMember = new LinkedHashMap<>();
        for (NaibSeats.Seat seat : seats.closed()) {
            if (!seated.contains(seat.memberId())) {
                closedByMember.computeIfAbsent(seat.memberId(), id -> new ArrayList<>()).add(seat);
            }
        }
        var former = new ArrayList<FormerNaib>();
        closedByMember.forEach((memberId, history) -> members.byId(memberId).ifPresent(member -> {
            Duration tenure = history.stream()
                    .map(s -> Duration.between(s.seatedAt(), s.unseatedAt().orElseThrow()))
                    .reduce(Duration.ZERO, Duration::plus);
            former.add(new FormerNaib(member, history.getFirst().seatedAt(),
                    history.stream().map(s -> s.unseatedAt().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow(),
                    tenure, history.size()));
        }));
        former.sort(Comparator.comparing(FormerNaib::tenure, Comparator.reverseOrder())
                .thenComparing(f -> f.member().memberId()));
        return former;
    }

    public NaibStatus naibStatus(MemberId memberId) {
        List<NaibSeats.Seat> history = seats.history(memberId);
        boolean current = history.stream().anyMatch(s -> s.unseatedAt().isEmpty());
        boolean onboarded = members.byId(memberId).map(MemberProfile::onboardingComplete).orElse(false);
        return new NaibStatus(current, onboarded && !current && !history.isEmpty(), !history.isEmpty(), history);
    }

    public int seatCount() {
        return policy.naibSeats();
    }

    /** The entry threshold and the waitlist of the current ranking. */
    public Threshold threshold() {
        return Threshold.of(rankings.upToRank(policy.waitlistTo()), policy);
    }

    /** A wallet's place on the waitlist, if its rank is a waitlist rank (a member's is not). */
    public Optional<RankedWallet> waitlisted(WalletAddress wallet) {
        return rankings.find(wallet).filter(w -> policy.isWaitlistRank(w.rank()));
    }

    public Optional<Wei> entryThreshold() {
        return rankings.atRank(policy.memberCutoff()).map(RankedWallet::held);
    }

    /** The calling member's own standing, through the wallet their Discord account linked. */
    public PositionResult position(DiscordUserId discordUserId) {
        return position(discordUserId, true);
    }

    /**
     * @param profileRequired whether an account without a profile is {@link NoProfile} (the HTTP
     *     route, whose clients expect it) or is placed by its linked wallet alone (the bot: a member can
     *     see where they stand before onboarding)
     */
    public PositionResult position(DiscordUserId discordUserId, boolean profileRequired) {
        Optional<MemberProfile> member = members.byDiscordId(discordUserId);
        if (member.isEmpty() && profileRequired) {
            return new NoProfile();
        }
        Optional<WalletAddress> wallet = links.walletOf(discordUserId);
        if (wallet.isEmpty()) {
            return new NoWallet();
        }
        Optional<RankedWallet> ranked = rankings.find(wallet.get());
        if (ranked.isEmpty()) {
            return new NotRanked();
        }
        int rank = ranked.get().rank();
        Wei held = ranked.get().held();
        // floored at zero: the neighbours are read separately and a new ranking may land in between
        Optional<Wei> toAbove = rank == 1 ? Optional.empty() : rankings.atRank(rank - 1).map(a -> a.held().minusOrZero(held));
        Optional<Wei> toBelow = rankings.atRank(rank + 1).map(b -> held.minusOrZero(b.held()));
        Optional<Wei> toEntry = rank > policy.memberCutoff()
                ? entryThreshold().map(e -> e.minusOrZero(held))
                : Optional.empty();
        boolean naib = member.isPresent()
                && seats.active().stream().anyMatch(s -> s.memberId().equals(member.get().memberId()));
        return new Found(new Position(rank, held, toAbove, toBelow, toEntry, naib, policy.isMemberRank(rank),
                policy.isAtRisk(rank)));
    }

}
