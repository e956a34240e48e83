package dev.sietch.discord.internal.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.PictureFetcher;
import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.core.usecase.Onboard;
import dev.sietch.core.usecase.Pictures;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The onboarding wizard in DMs, end to end through the real JDA: /onboard, the nym form (refusals
 * included), a restart mid-wizard, the picture and bio steps, the profile and the Onboarded role;
 * the idle timeout; who may not start.
 */
final class OnboardingTest {

    private static final long CHANI = 700_000_000_000_000_031L;
    private static final long STRANGER = 700_000_000_000_000_032L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private FakeDiscord.Role onboardedRole;
    private SqliteStore store;
    private final SettableClock clock = new SettableClock(BotFixture.NOW.plusSeconds(60));

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        onboardedRole = discord.addRole("Onboarded");
        discord.addMember(CHANI, "chani");
        discord.addMember(STRANGER, "stranger");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        BotFixture.commit(store, List.of(new RankedWallet(BotFixture.wallet(1), 1, new Wei(BigInteger.TEN.pow(21)),
                Role.NAIB, true)), List.of());
        store.walletLinks().link(new DiscordUserId(CHANI), BotFixture.wallet(1), BotFixture.NOW);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    /** Pictures from one address are accepted, from any other refused (the real fetcher is tested in sietch-http). */
    static final String GOOD_PICTURE = "https://cdn.discordapp.com/attachments/1/2/me.png";
    static final ProfilePicture PICTURE = new ProfilePicture(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'}, 256);

    private SietchBot.Sources wizardSources() {
        var plain = BotFixture.sources(store, clock);
        var pictures = new Pictures(URI.create("https://sietch.example"), Optional.of(url -> {
            if (!url.equals(GOOD_PICTURE)) {
                throw new PictureFetcher.Rejected("Pictures are taken only over https from cdn.discordapp.com.");
            }
            return PICTURE;
        }));
        var onboard = new Onboard(new Onboard.Settings(160, 7), pictures, store.members(), store.walletLinks(),
                store.rankings(), store.onboarding(), store.naibSeats(), clock);
        return new SietchBot.Sources(plain.community(), plain.social(), plain.outbox(), plain.state(), plain.linking(),
                Optional.of(onboard),
                Optional.of(new dev.sietch.core.usecase.EditProfile(store.members(), pictures, Duration.ofDays(30), 160, clock)),
                clock);
    }

    private SietchBot connect() throws InterruptedException {
        return connect(DiscordSettings.Channels.NONE);
    }

    private SietchBot connect(DiscordSettings.Channels channels) throws InterruptedException {
        var sources = wizardSources();
        return BotFixture.connect(discord, sources, FakeDiscord.TOKEN, new DiscordSettings.Roles(
                DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.empty(), OptionalLong.empty(),
                Map.of(dev.sietch.core.model.DynamicRole.ONBOARDED, onboardedRole.id())), channels);
    }

    /** The Onboarded role given after the wizard, and its audit row written (it comes after Discord's answer). */
    private void awaitOnboardedRole() throws InterruptedException {
        discord.awaitCall("PUT", p -> p.endsWith("/roles/" + onboardedRole.id()), Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (store.auditLog().recent(5, Optional.of("role_assigned"), Optional.empty()).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.auditLog().recent(5, Optional.of("role_assigned"), Optional.empty())).isNotEmpty();
    }

    private DataObject followUp(long interaction) throws InterruptedException {
        return discord.awaitCall("POST", p -> p.contains("/webhooks/") && p.contains("token-" + interaction),
                Duration.ofSeconds(10)).json();
    }

    private MigrateMembers migration() {
        return new MigrateMembers(store.members(), store.walletLinks(), store.rankings(),
                BotFixture.NOW.plus(Duration.ofDays(1)), clock, new java.util.Random(1));
    }

    @Test
    void aMemberFromBeforeProfiles_isAskedOnce_andCompletesThePlaceholder_withTheirOwnPicture() throws Exception {
        MigrateMembers migration = migration();
        assertThat(migration.createPlaceholders()).isEqualTo(1);
        assertThat(migration.createPlaceholders()).isZero();
        MemberProfile placeholder = store.members().byDiscordId(new DiscordUserId(CHANI)).orElseThrow();
        assertThat(placeholder.nym()).matches("Member_[0-9A-F]{6}");
        assertThat(placeholder.onboardingComplete()).isFalse();
        assertThat(placeholder.memberSince()).isEqualTo(BotFixture.NOW); // tenure counts from the wallet link
        assertThat(migration.status()).isEqualTo(new MigrateMembers.Status(1, 0));

        try (var bot = connect()) {
            assertThat(bot.promptPlaceholders(migration, Duration.ZERO)).isEqualTo(1);
            assertThat(bot.promptPlaceholders(migration, Duration.ZERO)).isZero(); // each owner is asked once
            DataObject prompt = discord.directMessages(CHANI).getFirst();
            assertThat(prompt.getArray("embeds").getObject(0).getString("title")).isEqualTo("Finish your Sietch profile");
            assertThat(prompt.toString()).contains(placeholder.nym(), "onboarding:start");

            assertThat(title(callback(discord.dmButton(CHANI, "onboarding:start")))).isEqualTo("Welcome to Sietch");
            DataObject pictureStep = callback(discord.dmModal(CHANI, "onboarding:nym_form", Map.of("nym", "Chani")));
            assertThat(title(pictureStep)).isEqualTo("Your picture");
            assertThat(pictureStep.toString()).contains("onboarding:upload");
            DataObject form = callback(discord.dmButton(CHANI, "onboarding:upload"));
            assertThat(form.getInt("type")).isEqualTo(9);
            assertThat(form.getObject("data").getString("custom_id")).isEqualTo("onboarding:picture_form");

            long refused = discord.dmModal(CHANI, "onboarding:picture_form", Map.of("url", "https://evil.example/me.png"));
            assertThat(callback(refused).getInt("type")).isEqualTo(5); // deferred: the download takes a moment
            assertThat(followUp(refused).getString("content"))
                    .isEqualTo("Pictures are taken only over https from cdn.discordapp.com.");
            long uploaded = discord.dmModal(CHANI, "onboarding:picture_form", Map.of("url", GOOD_PICTURE));
            assertThat(callback(uploaded).getInt("type")).isEqualTo(5);
            DataObject bioStep = followUp(uploaded);
            assertThat(bioStep.getString("content")).isEqualTo("Picture saved.");
            assertThat(bioStep.getArray("embeds").getObject(0).getString("title")).isEqualTo("Your bio");

            assertThat(title(callback(discord.dmButton(CHANI, "onboarding:skip_bio")))).isEqualTo("Welcome to Sietch, Chani!");
            MemberProfile profile = store.members().byDiscordId(new DiscordUserId(CHANI)).orElseThrow();
            assertThat(profile.memberId()).isEqualTo(placeholder.memberId());
            assertThat(profile.memberSince()).isEqualTo(BotFixture.NOW);
            assertThat(profile.onboardingComplete()).isTrue();
            assertThat(profile.nym()).isEqualTo("Chani");
            assertThat(store.members().nymLastChanged(profile.memberId())).isEmpty(); // no cooldown from the first nym
            assertThat(profile.pfpType()).isEqualTo(PictureSource.CUSTOM);
            assertThat(profile.pfpUrl().orElseThrow())
                    .startsWith("https://sietch.example/api/pictures/" + profile.memberId() + ".webp?v=");
            assertThat(store.members().customPicture(profile.memberId())).contains(PICTURE);
            assertThat(migration.status()).isEqualTo(new MigrateMembers.Status(0, 1));
            awaitOnboardedRole();
        }
    }

    @Test
    void anOwnerWhoTakesNoDirectMessages_isMentionedInTheLounge() throws Exception {
        var lounge = discord.addTextChannel("sietch-lounge");
        MigrateMembers migration = migration();
        migration.createPlaceholders();
        discord.closeDirectMessages(CHANI);
        try (var bot = connect(new DiscordSettings.Channels(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(lounge.id())))) {
            assertThat(bot.promptPlaceholders(migration, Duration.ZERO)).isEqualTo(1);
        }
        assertThat(discord.messages(lounge.id())).singleElement()
                .satisfies(m -> assertThat(m.getString("content")).startsWith("<@" + CHANI + "> you joined Sietch before"));
        assertThat(migration.toPrompt()).isEmpty();
    }

    @Test
    void profileEditChangesThePicture_ownGeneratedOrNone() throws Exception {
        var created = store.members().create(new dev.sietch.core.port.Members.NewProfile(new DiscordUserId(CHANI), "Chani",
                Role.NAIB, Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.members().completeOnboarding(created.memberId(), BotFixture.NOW);
        try (var bot = connect()) {
            DataObject choices = callback(discord.dmButton(CHANI, "profile:picture"));
            assertThat(choices.getObject("data").getString("content")).isEqualTo("How would you like to change your picture?");
            assertThat(choices.toString()).contains("profile:upload", "profile:choose:generated", "profile:choose:none");

            DataObject generated = callback(discord.dmButton(CHANI, "profile:choose:generated"));
            assertThat(generated.getObject("data").getString("content")).isEqualTo("Your picture is updated.");
            assertThat(store.members().byId(created.memberId()).orElseThrow().pfpUrl())
                    .contains("https://sietch.example/api/avatars/" + created.memberId() + ".png");

            long refused = discord.dmModal(CHANI, "profile:picture_form", Map.of("url", "http://cdn.discordapp.com/a.png"));
            callback(refused);
            assertThat(followUp(refused).getString("content")).startsWith("Pictures are taken only over https");
            assertThat(store.members().byId(created.memberId()).orElseThrow().pfpType()).isEqualTo(PictureSource.GENERATED);

            long uploaded = discord.dmModal(CHANI, "profile:picture_form", Map.of("url", GOOD_PICTURE));
            callback(uploaded);
            DataObject done = followUp(uploaded);
            assertThat(done.getString("content")).isEqualTo("Your picture is updated.");
            MemberProfile profile = store.members().byId(created.memberId()).orElseThrow();
            assertThat(profile.pfpType()).isEqualTo(PictureSource.CUSTOM);
            assertThat(done.getArray("embeds").getObject(0).getObject("thumbnail").getString("url"))
                    .isEqualTo(profile.pfpUrl().orElseThrow());
            assertThat(store.members().customPicture(created.memberId())).contains(PICTURE);

            DataObject none = callback(discord.dmButton(CHANI, "profile:choose:none"));
            assertThat(none.getObject("data").getString("content")).isEqualTo("Your picture is removed.");
            assertThat(store.members().customPicture(created.memberId())).isEmpty();
            assertThat(store.members().byId(created.memberId()).orElseThrow().pfpUrl()).isEmpty();
        }
    }

    private DataObject callback(long interaction) throws InterruptedException {
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + interaction + "/"), Duration.ofSeconds(5)).json();
    }

    private static String title(DataObject callback) {
        return callback.getObject("data").getArray("embeds").getObject(0).getString("title");
    }

    @Test
    void aLinkedMemberOnboardsInDirectMessages_acrossARestart() throws Exception {
        try (var bot = connect()) {
            long onboard = discord.slashCommand(CHANI, "onboard");
            assertThat(callback(onboard).getInt("type")).isEqualTo(5); // deferred: the DM may take a moment
            assertThat(discord.awaitCall("POST", p -> p.contains("/webhooks/"), Duration.ofSeconds(5)).json()
                    .getString("content")).isEqualTo("Check your DMs! I've sent you the first step.");
            DataObject first = discord.directMessages(CHANI).getFirst();
            assertThat(first.getArray("embeds").getObject(0).getString("title")).isEqualTo("Welcome to Sietch");
            assertThat(first.toString()).contains("onboarding:nym");

            DataObject form = callback(discord.dmButton(CHANI, "onboarding:nym"));
            assertThat(form.getInt("type")).isEqualTo(9); // a modal
            assertThat(form.getObject("data").getString("custom_id")).isEqualTo("onboarding:nym_form");

            DataObject reserved = callback(discord.dmModal(CHANI, "onboarding:nym_form", Map.of("nym", "Admin")));
            assertThat(reserved.getObject("data").getString("content")).isEqualTo("This nym is reserved and cannot be used");
            assertThat(title(callback(discord.dmModal(CHANI, "onboarding:nym_form", Map.of("nym", "Chani")))))
                    .isEqualTo("Your picture");
        }

        try (var bot = connect()) { // a restart mid-wizard: the state is in the store
            assertThat(title(callback(discord.dmButton(CHANI, "onboarding:picture:generated")))).isEqualTo("Your bio");
            DataObject done = callback(discord.dmModal(CHANI, "onboarding:bio_form",
                    Map.of("bio", "Fremen of Sietch Tabr https://spam.example")));
            assertThat(title(done)).isEqualTo("Welcome to Sietch, Chani!");

            MemberProfile profile = store.members().byDiscordId(new DiscordUserId(CHANI)).orElseThrow();
            assertThat(profile.onboardingComplete()).isTrue();
            assertThat(profile.tier()).isEqualTo(Role.NAIB);
            assertThat(profile.bio()).contains("Fremen of Sietch Tabr [link removed]");
            assertThat(profile.pfpType()).isEqualTo(PictureSource.GENERATED);
            assertThat(profile.pfpUrl()).contains("https://sietch.example/api/avatars/" + profile.memberId() + ".png");
            assertThat(done.getObject("data").getArray("embeds").getObject(0).getObject("thumbnail").getString("url"))
                    .isEqualTo(profile.pfpUrl().orElseThrow());
            discord.awaitCall("PUT", p -> p.endsWith("/members/" + CHANI + "/roles/" + onboardedRole.id()),
                    Duration.ofSeconds(5));
            assertThat(store.onboarding().find(new DiscordUserId(CHANI))).isEmpty();
            awaitOnboardedRole();

            long again = discord.slashCommand(CHANI, "onboard");
            callback(again);
            assertThat(discord.awaitCall("POST", p -> p.contains("/webhooks/") && p.contains("token-" + again),
                    Duration.ofSeconds(5)).json().getString("content"))
                    .isEqualTo("You already have a Sietch profile. Use /profile view to see it.");
        }
    }

    @Test
    void profileEditChangesTheNymOncePerCooldown_andResubmittingTheSameNymIsNoChange() throws Exception {
        var profile = store.members().create(new dev.sietch.core.port.Members.NewProfile(new DiscordUserId(CHANI), "Chani",
                Role.NAIB, Optional.of("Of Tabr"), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.members().completeOnboarding(profile.memberId(), BotFixture.NOW);
        try (var bot = connect()) {
            long edit = discord.slashCommand(CHANI, "profile", net.dv8tion.jda.api.utils.data.DataArray.empty()
                    .add(DataObject.empty().put("type", 1).put("name", "edit").put("options",
                            net.dv8tion.jda.api.utils.data.DataArray.empty())));
            callback(edit);
            assertThat(discord.awaitCall("POST", p -> p.contains("/webhooks/") && p.contains("token-" + edit),
                    Duration.ofSeconds(5)).json().getString("content"))
                    .isEqualTo("Check your DMs! I've sent you a message to edit your profile.");
            assertThat(discord.directMessages(CHANI).getFirst().toString()).contains("profile:nym", "profile:bio");
            assertThat(callback(discord.dmButton(CHANI, "profile:nym")).getInt("type")).isEqualTo(9);

            assertThat(reply(discord.dmModal(CHANI, "profile:nym_form", Map.of("nym", "Chani")))).isEqualTo("Your nym is Chani.");
            assertThat(reply(discord.dmModal(CHANI, "profile:nym_form", Map.of("nym", "Liet")))).isEqualTo("Your nym is Liet.");
            assertThat(reply(discord.dmModal(CHANI, "profile:nym_form", Map.of("nym", "Kynes"))))
                    .isEqualTo("You can change your nym in 30 days");
            clock.advance(Duration.ofDays(30));
            assertThat(reply(discord.dmModal(CHANI, "profile:nym_form", Map.of("nym", "Kynes")))).isEqualTo("Your nym is Kynes.");
            assertThat(reply(discord.dmModal(CHANI, "profile:bio_form", Map.of("bio", " ")))).isEqualTo("Your bio is removed.");
        }
        var edited = store.members().byId(profile.memberId()).orElseThrow();
        assertThat(edited.nym()).isEqualTo("Kynes");
        assertThat(edited.bio()).isEmpty();
        assertThat(store.members().nymLastChanged(profile.memberId())).contains(clock.instant());
    }

    private String reply(long interaction) throws InterruptedException {
        return callback(interaction).getObject("data").getString("content");
    }

    @Test
    void gainingAccessStartsTheWizard_onlyForAMemberWhoHadNone() throws Exception {
        var fedaykin = discord.addRole("Fedaykin");
        var naib = discord.addRole("Naib");
        var sources = wizardSources();
        try (var bot = BotFixture.connect(discord, sources, FakeDiscord.TOKEN, new DiscordSettings.Roles(
                DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.of(naib.id()), OptionalLong.of(fedaykin.id())),
                DiscordSettings.Channels.NONE)) {
            discord.giveRole(STRANGER, fedaykin.id()); // access, but no linked wallet: no wizard
            discord.giveRole(CHANI, fedaykin.id());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (discord.directMessages(CHANI).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(discord.directMessages(CHANI)).singleElement().satisfies(m -> assertThat(
                    m.getArray("embeds").getObject(0).getString("title")).isEqualTo("Welcome to Sietch"));
            discord.giveRole(CHANI, naib.id()); // already had access: no second wizard
            Thread.sleep(300);
            assertThat(discord.directMessages(CHANI)).hasSize(1);
            assertThat(discord.directMessages(STRANGER)).isEmpty();
        }
    }

    @Test
    void aWizardLeftAloneTimesOut_andOnlyEligibleLinkedMembersMayStart() throws Exception {
        try (var bot = connect()) {
            long stranger = discord.slashCommand(STRANGER, "onboard");
            callback(stranger);
            assertThat(discord.awaitCall("POST", p -> p.contains("/webhooks/") && p.contains("token-" + stranger),
                    Duration.ofSeconds(5)).json().getString("content"))
                    .isEqualTo("Link your wallet first: run /verify in the server.");
            assertThat(discord.directMessages(STRANGER)).isEmpty();

            long onboard = discord.slashCommand(CHANI, "onboard");
            callback(onboard);
            discord.awaitCall("POST", p -> p.contains("/webhooks/") && p.contains("token-" + onboard), Duration.ofSeconds(5));
            clock.advance(Duration.ofMinutes(15));
            DataObject late = callback(discord.dmModal(CHANI, "onboarding:nym_form", Map.of("nym", "Chani")));
            assertThat(late.getObject("data").getString("content")).isEqualTo(Onboard.TIMED_OUT);
            assertThat(store.members().byDiscordId(new DiscordUserId(CHANI))).isEmpty();
        }
    }
}
