package dev.sietch.core.usecase;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.RankingReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which @Naib / @Fedaykin role changes bring the guild in line with the ranking, when Sietch owns
 * those roles: a member whose linked wallet ranks as Naib holds @Naib only, one ranked Fedaykin
 * holds @Fedaykin only, and anyone else (not linked, not ranked, or ranked beyond the members)
 * holds neither. While the service is in its grace period nothing is removed (only added).
 */
public final class PlanRoles {

    /** One role to add to, or remove from, one guild member. */
    public record Change(DiscordUserId discordUserId, Role role, boolean add) {
        public Change {
            Objects.requireNonNull(discordUserId, "discordUserId");
            if (role != Role.NAIB && role != Role.FEDAYKIN) {
                throw new IllegalArgumentException("only the naib and fedaykin roles are managed");
            }
        }
    }

    private PlanRoles() {}

    /**
     * @param held each guild member's managed roles now (members holding neither may be left out,
     *     except those who should gain one)
     * @param links each linked Discord account's wallet
     */
    public static List<Change> plan(Map<DiscordUserId, Set<Role>> held, Map<DiscordUserId, WalletAddress> links,
            RankingReader rankings, boolean inGracePeriod) {
        // in the order of the ids as text, as they are stored
        var everyone = new TreeMap<DiscordUserId, Set<Role>>(Comparator.comparing(DiscordUserId::wire));
        everyone.putAll(held);
        links.keySet().forEach(id -> everyone.putIfAbsent(id, Set.of()));
        var changes = new ArrayList<Change>();
        everyone.forEach((id, current) -> {
            Set<Role> wanted = wanted(links.get(id), rankings);
            for (Role role : List.of(Role.NAIB, Role.FEDAYKIN)) {
                if (wanted.contains(role) && !current.contains(role)) {
                    changes.add(new Change(id, role, true));
                } else if (!wanted.contains(role) && current.contains(role) && !inGracePeriod) {
                    changes.add(new Change(id, role, false));
                }
            }
        });
        return changes;
    }

    private static Set<Role> wanted(WalletAddress wallet, RankingReader rankings) {
        if (wallet == null) {
            return Set.of();
        }
        return rankings.find(wallet).filter(RankedWallet::member).map(RankedWallet::role)
                .filter(role -> role == Role.NAIB || role == Role.FEDAYKIN).map(Set::of).orElse(Set.of());
    }
}
