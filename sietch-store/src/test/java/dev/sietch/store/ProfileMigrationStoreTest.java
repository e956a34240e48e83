package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.PromptOutcome;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.OnboardingSessions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** Members' own pictures, placeholder profiles and their prompts, and the upgrade from schema 005. */
class ProfileMigrationStoreTest extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final ProfilePicture PICTURE = new ProfilePicture(new byte[] {'R', 'I', 'F', 'F', 1, 2, 3}, 256);

    @Test
    void keepsAnOwnPicture_untilAnotherKindReplacesIt() {
        try (var store = open("s.db")) {
            var member = store.members().create(new Members.NewProfile(DiscordUserId.of("1"), "Chani", Role.NAIB, Optional.empty(),
                    Optional.empty(), PictureSource.NONE), T0);
            store.members().setCustomPicture(member.memberId(), PICTURE, "https://s.example/p.webp?v=1", T0);
            assertThat(store.members().customPicture(member.memberId())).contains(PICTURE);
            assertThat(store.members().byId(member.memberId()).orElseThrow().pfpType()).isEqualTo(PictureSource.CUSTOM);

            store.members().setPicture(member.memberId(), PictureSource.NONE, Optional.empty(), T0);
            assertThat(store.members().customPicture(member.memberId())).isEmpty();
            assertThat(store.members().byId(member.memberId()).orElseThrow().pfpUrl()).isEmpty();
            assertThatThrownBy(() -> store.members().setPicture(member.memberId(), PictureSource.CUSTOM, Optional.of("x"), T0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void placeholdersAreListedOldestFirst_promptedOnce_andCompletedWithoutACooldown() {
        try (var store = open("s.db")) {
            var later = store.members().createPlaceholder(DiscordUserId.of("2"), "Member_00000B", Role.FEDAYKIN, T0.minusSeconds(10), T0);
            var older = store.members().createPlaceholder(DiscordUserId.of("1"), "Member_00000A", Role.NAIB, T0.minusSeconds(20), T0);
            assertThat(store.members().unpromptedPlaceholders(10)).extracting(p -> p.memberId())
                    .containsExactly(older.memberId(), later.memberId());
            assertThat(older.memberSince()).isEqualTo(T0.minusSeconds(20));
            assertThat(store.members().placeholderCount()).isEqualTo(2);
            assertThat(store.members().onboardedCount()).isZero();

            store.members().recordPrompt(older.memberId(), PromptOutcome.SENT, T0);
            assertThat(store.members().unpromptedPlaceholders(10)).extracting(p -> p.memberId())
                    .containsExactly(later.memberId());
            assertThat(store.auditLog().recent(10, Optional.of("migration_prompt_sent"), Optional.empty())).hasSize(1);
            assertThat(store.auditLog().recent(10, Optional.of("member_added"), Optional.empty()))
                    .allSatisfy(r -> assertThat(r.dataJson()).contains("\"source\":\"v1_migration\""));

            store.members().completePlaceholder(older.memberId(), "Chani", Optional.of("Of Tabr"), T0.plusSeconds(5));
            store.members().completeOnboarding(older.memberId(), T0.plusSeconds(5));
            var done = store.members().byId(older.memberId()).orElseThrow();
            assertThat(done.nym()).isEqualTo("Chani");
            assertThat(done.bio()).contains("Of Tabr");
            assertThat(done.memberSince()).isEqualTo(T0.minusSeconds(20));
            assertThat(store.members().nymLastChanged(older.memberId())).isEmpty();
            assertThat(store.members().placeholderCount()).isEqualTo(1);
        }
    }

    @Test
    void anOnboardingSessionKeepsAChosenPicture_andSessionsSurviveTheUpgradeFrom005() throws Exception {
        Path file = dir.resolve("old.db");
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure(getClass().getClassLoader()).dataSource(source).locations("classpath:db-migration")
                .target("5").load().migrate();
        try (var connection = source.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO onboarding_session (discord_user_id, step, nym, picture_type, started_at, updated_at)
                    VALUES ('9', 'bio', 'Stilgar', 'generated', '2026-11-26T11:00:00.000000Z', '2026-11-26T11:01:00.000000Z')""");
        }
        try (var store = Store.sqlite(StoreSettings.of(file))) {
            var kept = store.onboarding().find(DiscordUserId.of("9")).orElseThrow();
            assertThat(kept.step()).isEqualTo(OnboardingSessions.Step.BIO);
            assertThat(kept.nym()).contains("Stilgar");
            assertThat(kept.pictureType()).contains(PictureSource.GENERATED);
            assertThat(kept.picture()).isEmpty();

            store.onboarding().save(new OnboardingSessions.Session(DiscordUserId.of("10"), OnboardingSessions.Step.BIO, Optional.of("Chani"),
                    Optional.of(PictureSource.CUSTOM), Optional.of(PICTURE), T0, T0));
            assertThat(store.onboarding().find(DiscordUserId.of("10")).orElseThrow().picture()).contains(PICTURE);
            // a custom choice without its picture is refused by the schema
            assertThatThrownBy(() -> store.onboarding().save(new OnboardingSessions.Session(DiscordUserId.of("11"),
                    OnboardingSessions.Step.BIO, Optional.of("Irulan"), Optional.of(PictureSource.CUSTOM), Optional.empty(), T0, T0)))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
