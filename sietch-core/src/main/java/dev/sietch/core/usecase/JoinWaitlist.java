package dev.sietch.core.usecase;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.port.WalletLinks;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The waitlist (Cave Entrance): a wallet in the waiting ranks registers for a
 * single alert when it reaches the member ranks. The checks run in a fixed order, so the same
 * request always gets the same refusal; a registration can be ended and made again.
 */
public final class JoinWaitlist {

    private static final Pattern ADDRESS = Pattern.compile("^0x[a-fA-F0-9]{40}$");

    public sealed interface Result {}

    /** @param toEntry the BGT still missing to the last member rank */
    public record Registered(Waitlist.Registration registration, Wei toEntry) implements Result {}

    public record Refused(String message) implements Result {}

    /**
     * @param current the wallet's place now, while it is in the waiting ranks
     * @param toEntry the BGT missing to the last member rank (negative: it is past it)
     */
    public record Status(Waitlist.Registration registration, Optional<RankedWallet> current, Optional<java.math.BigInteger> toEntry) {}

    private final Waitlist waitlist;
    private final WalletLinks links;
    private final RankingReader rankings;
    private final RankingPolicy policy;
    private final Clock clock;

    public JoinWaitlist(Waitlist waitlist, WalletLinks links, RankingReader rankings, RankingPolicy policy, Clock clock) {
        this.waitlist = waitlist;
        this.links = links;
        this.rankings = rankings;
        this.policy = policy;
        this.clock = clock;
    }

    public Result register(DiscordUserId discordUserId, String walletText) {
        String text = walletText == null ? "" : walletText.strip().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(text).matches()) {
            return new Refused("Invalid wallet address format. Please provide a valid Ethereum address "
                    + "(0x followed by 40 hex characters).");
        }
        WalletAddress wallet = new WalletAddress(text);
        if (waitlist.activeForAccount(discordUserId).isPresent()) {
            return new Refused("You are already registered for waitlist alerts");
        }
        if (waitlist.activeFor(wallet).isPresent()) {
            return new Refused("This wallet is already registered for alerts");
        }
        if (links.all().containsValue(wallet)) {
            return new Refused("This wallet is already linked to a Sietch member");
        }
        Optional<RankedWallet> standing = rankings.find(wallet);
        if (standing.isEmpty()) {
            return new Refused("Wallet not found in eligibility rankings. You need some BGT first!");
        }
        int rank = standing.get().rank();
        if (rank < policy.waitlistFrom()) {
            return new Refused("You're already eligible (position " + rank + ")! Link your wallet with /verify instead.");
        }
        if (rank > policy.waitlistTo()) {
            return new Refused("Position " + rank + " is outside waitlist range (" + policy.waitlistFrom() + "-"
                    + policy.waitlistTo() + ")");
        }
        var registration = waitlist.register(discordUserId, wallet, rank, standing.get().held(), clock.instant());
        return new Registered(registration, entry().minusOrZero(standing.get().held()));
    }

    public Optional<Status> status(DiscordUserId discordUserId) {
        return waitlist.activeForAccount(discordUserId).map(registration -> {
            Optional<RankedWallet> current = rankings.find(registration.wallet()).filter(w -> policy.isWaitlistRank(w.rank()));
            return new Status(registration, current,
                    current.map(w -> entry().value().subtract(w.held().value())));
        });
    }

    public boolean unregister(DiscordUserId discordUserId) {
        return waitlist.unregister(discordUserId, clock.instant());
    }

    private Wei entry() {
        return rankings.atRank(policy.memberCutoff()).map(RankedWallet::held).orElse(Wei.ZERO);
    }
}
