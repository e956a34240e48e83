package dev.sietch.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The community's state as the sync's rules ({@link SyncRules}) need it, read in the sync's
 * transaction once the new ranking is written.
 *
 * @param council the occupied seats, and every onboarded member's (and holder's) standing in the new ranking
 * @param preferences the alert preferences members have set, by member id (absent: {@link AlertPreferences#DEFAULT})
 * @param counters each member's alert history, by member id, counted from the alert week's start
 * @param waitlist active waitlist registrations whose eligibility alert is not queued yet, oldest first
 */
public record CommunityView(NaibCouncil.Snapshot council, Map<MemberId, AlertPreferences> preferences,
        Map<MemberId, AlertCounters> counters, List<WaitlistEntry> waitlist) {

    public CommunityView {
        Objects.requireNonNull(council, "council");
        preferences = Map.copyOf(preferences);
        counters = Map.copyOf(counters);
        waitlist = List.copyOf(waitlist);
    }

    /** An active waitlist registration whose eligibility alert is not queued yet. */
    public record WaitlistEntry(long registrationId, DiscordUserId discordUserId, WalletAddress wallet) {
        public WaitlistEntry {
            Objects.requireNonNull(discordUserId, "discordUserId");
            Objects.requireNonNull(wallet, "wallet");
        }
    }
}
