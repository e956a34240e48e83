package dev.sietch.core.usecase;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PromptOutcome;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.WalletLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Members from before the social layer: an account that linked its wallet
 * before the launch date, is in the member ranks and has no profile gets a placeholder profile
 * ({@code Member_XXXXXX}, member since the link), and is then asked — once, at most
 * {@link #PROMPTS_PER_RUN} per run — to finish it with the onboarding wizard, which completes the
 * placeholder (same member id and membership date).
 */
public final class MigrateMembers {

    public static final int PROMPTS_PER_RUN = 10;
    static final String PREFIX = "Member_";

    public record Status(int placeholders, int onboarded) {}

    private final Members members;
    private final WalletLinks links;
    private final RankingReader rankings;
    private final Instant launch;
    private final Clock clock;
    private final RandomGenerator random;

    public MigrateMembers(Members members, WalletLinks links, RankingReader rankings, Instant launch, Clock clock,
            RandomGenerator random) {
        this.members = members;
        this.links = links;
        this.rankings = rankings;
        this.launch = launch;
        this.clock = clock;
        this.random = random;
    }

    /** Creates the missing placeholder profiles; returns how many. Running it again creates none. */
    public int createPlaceholders() {
        int created = 0;
        for (Map.Entry<DiscordUserId, WalletAddress> link : links.all().entrySet()) {
            DiscordUserId discordUserId = link.getKey();
            Optional<Instant> linkedAt = links.linkedAt(discordUserId);
            if (linkedAt.isEmpty() || !linkedAt.get().isBefore(launch) || members.byDiscordId(discordUserId).isPresent()) {
                continue;
            }
            Optional<RankedWallet> standing = rankings.find(link.getValue()).filter(RankedWallet::member);
            if (standing.isEmpty()) {
                continue;
            }
            Role tier = standing.get().role() == Role.NAIB ? Role.NAIB : Role.FEDAYKIN;
            members.createPlaceholder(discordUserId, freeNym(), tier, linkedAt.get(), clock.instant());
            created++;
        }
        return created;
    }

    /** The next owners to ask, oldest first; record each with {@link Members#recordPrompt}. */
    public List<MemberProfile> toPrompt() {
        return members.unpromptedPlaceholders(PROMPTS_PER_RUN);
    }

    public void prompted(MemberId memberId, PromptOutcome outcome) {
        members.recordPrompt(memberId, outcome, clock.instant());
    }

    public Status status() {
        return new Status(members.placeholderCount(), members.onboardedCount());
    }

    /** {@code Member_} and six hex digits, drawn again while taken (compared without case). */
    String freeNym() {
        while (true) {
            byte[] bytes = new byte[3];
            random.nextBytes(bytes);
            String nym = PREFIX + HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
            if (members.byNym(nym).isEmpty()) {
                return nym;
            }
        }
    }
}
