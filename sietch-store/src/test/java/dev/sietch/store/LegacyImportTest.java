package dev.sietch.store;

import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.AlertFrequency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Notifications;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code import-legacy}'s store part: a database built from sietch-service's schema, with sample
 * rows in both of its time formats, is brought over.
 */
class LegacyImportTest extends StoreTestBase {

    private static final String ALICE = "7f1c0c6e-0000-4000-8000-000000000001";
    private static final String BOB = "7f1c0c6e-0000-4000-8000-000000000002";
    private static final String DAVE = "7f1c0c6e-0000-4000-8000-000000000004";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final LegacyImport.Options OPTIONS =
            new LegacyImport.Options(id -> "https://sietch.example/api/avatars/" + id + ".png");

    private Path legacy;

    @BeforeEach
    void buildLegacyDatabase() throws Exception {
        legacy = dir.resolve("sietch.db");
        LegacyDatabases.create(legacy, "sietch-service-schema.sql", "sample-rows.sql");
    }

    @Test
    void importsEveryTableWithTimesInUtcAndExactAmounts() {
        try (var store = open("new.db")) {
            LegacyImport.Report report = store.importLegacy(legacy, OPTIONS, NOW);

            Map<String, LegacyImport.Table> tables = report.tables().stream()
                    .collect(Collectors.toMap(LegacyImport.Table::to, t -> t));
            assertThat(tables.get("wallet_link")).extracting(LegacyImport.Table::read, LegacyImport.Table::imported)
                    .containsExactly(5, 3);
            assertThat(tables.get("wallet_link").notes()).anySatisfy(n -> assertThat(n).contains("not-a-wallet"))
                    .anySatisfy(n -> assertThat(n).contains("older link (account 333333333333333333)"));

            // A wallet belongs to the account that verified it last; addresses are lower-cased.
            assertThat(store.walletLinks().walletOf(DiscordUserId.of("111111111111111111")))
                    .contains(WalletAddress.of("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
            assertThat(store.walletLinks().walletOf(DiscordUserId.of("222222222222222222")))
                    .contains(WalletAddress.of("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
            assertThat(store.walletLinks().walletOf(DiscordUserId.of("333333333333333333"))).isEmpty();
            // "YYYY-MM-DD HH:MM:SS" had no zone and was UTC; ISO with Z is read as such.
            assertThat(store.walletLinks().linkedAt(DiscordUserId.of("111111111111111111"))).contains(Instant.parse("2025-01-05T10:00:00Z"));
            assertThat(store.walletLinks().linkedAt(DiscordUserId.of("222222222222222222"))).contains(Instant.parse("2025-01-06T11:30:00Z"));

            var alice = store.members().byId(new MemberId(ALICE)).orElseThrow();
            assertThat(alice.nym()).isEqualTo("Alice");
            assertThat(alice.tier()).isEqualTo(Role.NAIB);
            assertThat(alice.memberSince()).isEqualTo(Instant.parse("2025-01-05T10:05:00Z"));
            // An own picture cannot be taken over unchecked: the generated avatar stands in.
            assertThat(alice.pfpType()).isEqualTo(PictureSource.GENERATED);
            assertThat(alice.pfpUrl()).contains("https://sietch.example/api/avatars/" + ALICE + ".png");
            assertThat(tables.get("member_profile").notes()).singleElement()
                    .satisfies(n -> assertThat(n).contains(ALICE).contains("own picture"));
            assertThat(store.members().byId(new MemberId(BOB)).orElseThrow().pfpUrl())
                    .contains("https://sietch.example/api/avatars/" + BOB + ".png");
            assertThat(store.members().nymLastChanged(new MemberId(BOB))).contains(Instant.parse("2025-03-01T12:00:00Z"));
            assertThat(store.members().byNym("carol")).isPresent();
            assertThat(tables.get("member_profile").imported()).isEqualTo(4);

            // Badges: the unknown id and the badge of a member that does not exist are left out.
            assertThat(tables.get("member_badge")).extracting(LegacyImport.Table::read, LegacyImport.Table::imported)
                    .containsExactly(5, 3);
            assertThat(tables.get("member_badge").notes())
                    .anySatisfy(n -> assertThat(n).contains("unknown badge 'builder'"))
                    .anySatisfy(n -> assertThat(n).contains("has no imported profile"));
            assertThat(store.memberBadges().held(new MemberId(ALICE))).extracting(b -> b.badge().id())
                    .containsExactlyInAnyOrder("og", "helper");
            assertThat(store.memberBadges().held(new MemberId(BOB))).isEmpty(); // revoked stays revoked

            // Seats: amounts above 2^63 wei kept exactly, history kept with who bumped whom.
            var seat = store.naibSeats().active();
            assertThat(seat).singleElement().satisfies(s -> {
                assertThat(s.memberId().value()).isEqualTo(ALICE);
                assertThat(s.seatNumber()).isEqualTo(2);
                assertThat(s.heldAtSeating()).isEqualTo(new Wei(new BigInteger("10000000000000000000000")));
                assertThat(s.seatedAt()).isEqualTo(Instant.parse("2025-01-12T06:00:00Z"));
            });
            assertThat(store.naibSeats().history(new MemberId(DAVE))).singleElement().satisfies(s -> {
                assertThat(s.unseatReason()).contains("bumped");
                assertThat(s.heldAtUnseating()).contains(new Wei(new BigInteger("9000000000000000000001")));
            });

            // Waitlist: a notified registration without a time gets its registration time; an amount
            // written as a float is not an amount.
            assertThat(tables.get("waitlist_registration")).extracting(LegacyImport.Table::imported).isEqualTo(1);
            assertThat(tables.get("waitlist_registration").notes()).singleElement()
                    .satisfies(n -> assertThat(n).contains("'1.5e21' is not a wei amount"));
            assertThat(store.waitlist().activeForAccount(DiscordUserId.of("666666666666666666"))).hasValueSatisfying(r ->
                    assertThat(r.held()).isEqualTo(new Wei(new BigInteger("123456789012345678901"))));

            assertThat(store.notifications().preferences(new MemberId(ALICE), NOW)).satisfies(p -> {
                assertThat(p.frequency()).isEqualTo(AlertFrequency.DAILY);
                assertThat(p.atRiskWarnings()).isFalse();
                assertThat(p.alertsSentThisWeek()).isEqualTo(2);
            });

            // The undelivered alert is history, not a delivery owed now.
            assertThat(store.notifications().due(NOW, 10)).isEmpty();
            assertThat(tables.get("alert_history").imported()).isEqualTo(3);

            assertThat(tables.get("admin_override").imported()).isEqualTo(2);
            assertThat(store.overrides().active()).singleElement().satisfies(o -> {
                assertThat(o.wallet().value()).isEqualTo("0xdddddddddddddddddddddddddddddddddddddddd");
                assertThat(o.expiresAt()).contains(Instant.parse("2025-12-31T00:00:00Z"));
            });

            var audit = store.auditLog().recent(10, Optional.empty(), Optional.empty());
            assertThat(audit.getFirst().type()).isEqualTo("legacy_import");
            assertThat(audit.getFirst().dataJson()).contains("\"wallet_link\":3").contains("\"member_profile\":4");
            assertThat(audit).extracting(r -> r.type()).contains("eligibility_update", "naib_promotion");
            assertThat(audit).filteredOn(r -> r.type().equals("naib_promotion")).singleElement()
                    .satisfies(r -> assertThat(r.createdAt()).isEqualTo(Instant.parse("2025-01-12T06:00:00.123Z")));

            assertThat(report.skipped()).anySatisfy(s -> assertThat(s).startsWith("current_eligibility (2 rows)"))
                    .anySatisfy(s -> assertThat(s).startsWith("threshold_snapshots (1 rows)"));
            assertThat(store.rankings().upToRank(100)).isEmpty(); // recomputed by the first sync
        }
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsCommunityData_andChangesNothing() {
        try (var store = open("new.db")) {
            store.walletLinks().link(DiscordUserId.of("999999999999999999"),
                    WalletAddress.of("0x9999999999999999999999999999999999999999"), NOW);

            assertThatThrownBy(() -> store.importLegacy(legacy, OPTIONS, NOW))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("wallet_link (1)");
            assertThat(store.walletLinks().all()).hasSize(1);
            assertThat(store.auditLog().recent(10, Optional.empty(), Optional.empty())).isEmpty();
        }
    }

    @Test
    void refusesAFileThatIsNotAPredecessorDatabase() throws IOException {
        Path other = dir.resolve("other.db");
        try (var store = Store.sqlite(StoreSettings.of(other))) {
            store.engineVersion();
        }
        try (var store = open("new.db")) {
            assertThatThrownBy(() -> store.importLegacy(other, OPTIONS, NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a sietch-service database");
            assertThatThrownBy(() -> store.importLegacy(dir.resolve("missing.db"), OPTIONS, NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no such file");
            Path text = Files.writeString(dir.resolve("notes.txt"), "not a database at all, just words ".repeat(200));
            assertThatThrownBy(() -> store.importLegacy(text, OPTIONS, NOW)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void leavesThePredecessorFileUnchanged() throws Exception {
        byte[] before = Files.readAllBytes(legacy);
        try (var store = open("new.db")) {
            store.importLegacy(legacy, OPTIONS, NOW);
        }
        assertThat(Files.readAllBytes(legacy)).isEqualTo(before);
    }

    /** Builds sietch-service databases from the SQL under {@code legacy/} in the test resources. */
    static final class LegacyDatabases {
        private LegacyDatabases() {}

        static void create(Path file, String... scripts) throws Exception {
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    var statement = connection.createStatement()) {
                for (String script : scripts) {
                    for (String sql : statements(resource(script))) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }

        private static String resource(String name) throws IOException {
            try (InputStream in = LegacyImportTest.class.getResourceAsStream("/legacy/" + name)) {
                if (in == null) {
                    throw new IOException("missing test resource legacy/" + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        /** Splits a script at semicolons ending a line; the scripts keep to that. */
        private static List<String> statements(String script) {
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : script.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    statements.add(current.toString());
                    current.setLength(0);
                }
            }
            return statements;
        }
    }
}
