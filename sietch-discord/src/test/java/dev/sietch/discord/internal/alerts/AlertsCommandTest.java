package dev.sietch.discord.internal.alerts;

import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.AlertFrequency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /alerts through the real JDA: registered, routed and answered. */
final class AlertsCommandTest {

    private static final long MEMBER = 700_000_000_000_000_081L;
    private static final long STRANGER = 700_000_000_000_000_082L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private SietchBot bot;
    private MemberId memberId;
    private final SettableClock clock = new SettableClock(BotFixture.NOW);

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        discord.addMember(MEMBER, "member");
        discord.addMember(STRANGER, "stranger");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        var profile = store.members().create(new Members.NewProfile(new DiscordUserId(MEMBER), "Alerted", Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.members().completeOnboarding(profile.memberId(), BotFixture.NOW);
        memberId = profile.memberId();
        bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        store.close();
        discord.close();
    }

    private DataObject callback(long interaction) throws InterruptedException {
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + interaction + "/"), Duration.ofSeconds(5)).json();
    }

    private Notifications.Preferences preferences() {
        return store.notifications().preferences(memberId, clock.instant());
    }

    @Test
    void showsAndChangesTheCallersOwnPreferences_inPlace() throws Exception {
        assertThat(callback(discord.slashCommand(STRANGER, "alerts")).getObject("data").getString("content"))
                .startsWith("You have no Sietch profile yet");

        DataObject shown = callback(discord.slashCommand(MEMBER, "alerts"));
        assertThat(shown.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(shown.toString()).contains("\uD83D\uDD14 Alert Preferences", "\u2705 Enabled", "3x per week",
                "0/3 alerts sent this week", "alerts:toggle:position", "alerts:toggle:atrisk", "alerts:frequency", "alerts:off")
                .doesNotContain("alerts:toggle:naib"); // no seat, no Naib switch

        DataObject toggled = callback(discord.button(MEMBER, "alerts:toggle:position"));
        assertThat(toggled.getInt("type")).isEqualTo(7); // the same message, updated
        assertThat(preferences().positionUpdates()).isFalse();
        assertThat(toggled.toString()).contains("Enable Position");

        callback(discord.select(MEMBER, "alerts:frequency", "daily"));
        assertThat(preferences().frequency()).isEqualTo(AlertFrequency.DAILY);

        callback(discord.button(MEMBER, "alerts:off"));
        assertThat(preferences()).extracting(Notifications.Preferences::positionUpdates,
                Notifications.Preferences::atRiskWarnings, Notifications.Preferences::naibAlerts)
                .containsExactly(false, false, false);

        // a stranger's click changes nothing of anyone's
        callback(discord.button(STRANGER, "alerts:toggle:atrisk"));
        assertThat(preferences().atRiskWarnings()).isFalse();
    }
}
