package dev.sietch.discord;

import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Secret;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What the bot tests share: wallets, a committed sync, and a bot connected to the fake Discord. */
public final class BotFixture {

    public static final long GUILD = 800_000_000_000_000_001L;
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private BotFixture() {}

    public static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", 0xabcdef00L + n));
    }

    /** Commits {@code ranking} (in rank order) as the first sync, with {@code changes} in its outbox. */
    /** Commits {@code ranking} as the next sync (the first is a bootstrap), at {@link #NOW}. */
    public static void commit(SqliteStore store, List<RankedWallet> ranking, List<EligibilityChange> changes) {
        var last = store.eligibility().lastSync();
        store.eligibility().commitSync(new EligibilityStore.SyncCommit(NOW, last.syncId(), last.ranking(),
                Ranking.of(ranking), changes, List.of(new AuditEntry("eligibility_update", Map.of())),
                SyncHealth.NEVER_SYNCED.afterSuccess(NOW).next(), OptionalLong.of(1), Threshold.of(ranking, RankingPolicy.DEFAULT),
                AlertRules.weekStart(NOW)), SyncRules.decider(last.ranking(), Ranking.of(ranking), RankingPolicy.DEFAULT,
                last.syncId().isEmpty(), NOW));
    }

    public static SietchBot.Sources sources(SqliteStore store) {
        return sources(store, java.time.Clock.systemUTC());
    }

    public static SietchBot.Sources sources(SqliteStore store, java.time.Clock clock) {
        return new SietchBot.Sources(community(store), social(store), store.outbox(), store.botState(),
                Optional.empty(), Optional.empty(), Optional.empty(), clock);
    }

    public static SietchBot.Community community(SqliteStore store) {
        return new SietchBot.Community(store.members(), store.walletLinks(), store.naibSeats(), store.rankings(),
                RankingPolicy.DEFAULT, store.syncHealth(), store.notifications(), store.auditLog(), store.waitlist());
    }

    public static SietchBot.Social social(SqliteStore store) {
        return new SietchBot.Social(store.activity(), dev.sietch.core.model.Activity.Settings.DEFAULT,
                store.memberBadges(), dev.sietch.core.model.TenureCategory.DEFAULT_LAUNCH);
    }

    public static SietchBot connect(FakeDiscord discord, SqliteStore store, String token, DiscordSettings.Roles roles,
            DiscordSettings.Channels channels) throws InterruptedException {
        return connect(discord, sources(store), token, roles, channels);
    }

    public static SietchBot connect(FakeDiscord discord, SietchBot.Sources sources, String token, DiscordSettings.Roles roles,
            DiscordSettings.Channels channels) throws InterruptedException {
        return connect(discord, sources, new SimpleMeterRegistry(), token, roles, channels);
    }

    public static SietchBot connect(FakeDiscord discord, SietchBot.Sources sources, MeterRegistry meters, String token,
            DiscordSettings.Roles roles, DiscordSettings.Channels channels) throws InterruptedException {
        return SietchBot.connect(new DiscordSettings(Optional.of(new Secret(token)), OptionalLong.of(GUILD),
                        discord.endpoints(), roles, channels),
                sources, meters, Duration.ofSeconds(15));
    }
}
