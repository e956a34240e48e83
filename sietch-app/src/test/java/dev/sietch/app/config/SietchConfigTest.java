package dev.sietch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.ClaimEvent;
import dev.sietch.chain.VaultSource;
import dev.sietch.core.model.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SietchConfigTest {

    private static final String BGT = "0x656b95e550c07a9ffe548bd4085c72418ceb1dba";

    @TempDir
    Path dir;

    @Test
    void usesEmbeddedDefaults_whenNothingIsSet() {
        // when
        var settings = valid(SietchConfig.load(Optional.empty(), Map.of(), new Properties()));

        // then
        assertThat(settings.http().host()).isEqualTo("127.0.0.1");
        assertThat(settings.http().port()).isEqualTo(3000);
        assertThat(settings.store().databasePath()).isEqualTo(Path.of("data/sietch.db"));
        assertThat(settings.store().busyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.chain().isConfigured()).isFalse();
        assertThat(settings.discord().isConfigured()).isFalse();
        assertThat(settings.sync()).isEqualTo(new SietchSettings.Sync(Duration.ofHours(6), Duration.ofHours(24)));
        assertThat(settings.log())
                .isEqualTo(new SietchSettings.Log(SietchSettings.Log.Level.INFO, SietchSettings.Log.Format.PLAIN));
    }

    @Test
    void readsThePredecessorsEnvironmentVariables() {
        // given: an operator's existing .env
        var env = Map.of(
                "API_HOST", "0.0.0.0",
                "API_PORT", "4000",
                "DATABASE_PATH", "/var/lib/sietch/sietch.db",
                "BERACHAIN_RPC_URLS", " https://rpc.one.example/key1 , https://rpc.two.example ,",
                "BGT_ADDRESS", "0x656B95E550C07a9ffe548bd4085c72418Ceb1dba",
                "DISCORD_BOT_TOKEN", "bot-token-value",
                "DISCORD_GUILD_ID", "123456789012345678",
                "GRACE_PERIOD_HOURS", "12",
                "LOG_LEVEL", "fatal",
                "TRIGGER_SECRET_KEY", "ignored");

        // when
        var settings = valid(SietchConfig.load(Optional.empty(), env, new Properties()));

        // then
        assertThat(settings.http().host()).isEqualTo("0.0.0.0");
        assertThat(settings.http().port()).isEqualTo(4000);
        assertThat(settings.store().databasePath()).isEqualTo(Path.of("/var/lib/sietch/sietch.db"));
        assertThat(settings.chain().rpcUrls())
                .containsExactly(URI.create("https://rpc.one.example/key1"), URI.create("https://rpc.two.example"));
        assertThat(settings.chain().bgtAddress()).contains(BGT);
        assertThat(settings.discord().botToken()).contains(new Secret("bot-token-value"));
        assertThat(settings.discord().guildId()).isEqualTo(OptionalLong.of(123456789012345678L));
        assertThat(settings.sync().gracePeriod()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.log().level()).isEqualTo(SietchSettings.Log.Level.ERROR);
        assertThat(settings.toString()).doesNotContain("bot-token-value");
    }

    @Test
    void takesTheSingleRpcUrlVariable_andPrefersThePluralOne() {
        var single = valid(SietchConfig.load(Optional.empty(),
                Map.of("BERACHAIN_RPC_URL", "http://127.0.0.1:8545"), new Properties()));
        var both = valid(SietchConfig.load(Optional.empty(),
                Map.of("BERACHAIN_RPC_URL", "http://127.0.0.1:8545", "BERACHAIN_RPC_URLS", "http://10.0.0.1:8545"),
                new Properties()));

        assertThat(single.chain().rpcUrls()).containsExactly(URI.create("http://127.0.0.1:8545"));
        assertThat(both.chain().rpcUrls()).containsExactly(URI.create("http://10.0.0.1:8545"));
    }

    @Test
    void treatsBlankVariablesAsUnset() {
        var settings = valid(SietchConfig.load(Optional.empty(),
                Map.of("API_PORT", "", "DISCORD_BOT_TOKEN", "  "), new Properties()));

        assertThat(settings.http().port()).isEqualTo(3000);
        assertThat(settings.discord().botToken()).isEmpty();
    }

    @Test
    void layersSystemPropertiesOverEnvironmentOverFileOverDefaults() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("application.conf"), """
                sietch.http { host = "10.1.1.1", port = 5000 }
                sietch.store.path = "from-file.db"
                sietch.log.format = json
                """);
        var properties = new Properties();
        properties.setProperty("sietch.http.port", "7000");
        properties.setProperty("sietch.home", "/opt/sietch"); // the launcher's, not configuration

        // when
        var settings = valid(SietchConfig.load(Optional.of(file), Map.of("API_PORT", "6000", "DATABASE_PATH", "env.db"),
                properties));

        // then
        assertThat(settings.http().port()).isEqualTo(7000);
        assertThat(settings.store().databasePath()).isEqualTo(Path.of("env.db"));
        assertThat(settings.http().host()).isEqualTo("10.1.1.1");
        assertThat(settings.log().format()).isEqualTo(SietchSettings.Log.Format.JSON);
        assertThat(settings.sync().interval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void reportsEveryProblemOnItsOwnLine_namingKeyAndVariable() {
        // given
        var env = Map.of(
                "API_PORT", "70000",
                "LOG_LEVEL", "loud",
                "BERACHAIN_RPC_URLS", "https://ok.example,ftp://rpc.example/SECRETKEY",
                "DISCORD_GUILD_ID", "my-guild",
                "GRACE_PERIOD_HOURS", "0");

        // when
        var problems = invalid(SietchConfig.load(Optional.empty(), env, new Properties()));

        // then
        assertThat(problems).containsExactlyInAnyOrder(
                "sietch.http.port (from API_PORT): must be between 1 and 65535, was 70000",
                "sietch.log.level (from LOG_LEVEL): must be one of trace | debug | info | warn | error, was \"loud\"",
                "sietch.chain.rpc-urls (from BERACHAIN_RPC_URLS): entry 2 is not an absolute http(s) URL",
                "sietch.discord.guild-id (from DISCORD_GUILD_ID): must be a Discord id (a positive number), was \"my-guild\"",
                "sietch.sync.grace-period (from GRACE_PERIOD_HOURS): must be positive, was PT0S");
        assertThat(String.join("\n", problems)).doesNotContain("SECRETKEY");
    }

    @Test
    void reportsWrongTypesAndUnknownKeys_fromTheFile() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("application.conf"), """
                sietch.http.port = "three thousand"
                sietch.htp.port = 3000
                sietch.store.busy-timeout = soon
                """);

        // when
        var problems = invalid(SietchConfig.load(Optional.of(file), Map.of(), new Properties()));

        // then
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("sietch.http.port: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("sietch.htp.port: unknown key (no module defines it)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("sietch.store.busy-timeout: "));
    }

    @Test
    void reportsAMissingConfigFile() {
        var problems = invalid(SietchConfig.load(Optional.of(dir.resolve("nope.conf")), Map.of(), new Properties()));

        assertThat(problems).containsExactly("config file " + dir.resolve("nope.conf") + ": not found");
    }

    @Test
    void neverShowsTheBotToken_evenWhenItsKeyIsWrong() throws Exception {
        Path file = Files.writeString(dir.resolve("application.conf"), "sietch.discord.token = [\"tok-123-secret\"]\n");

        var problems = invalid(SietchConfig.load(Optional.of(file), Map.of(), new Properties()));

        assertThat(problems).containsExactly("sietch.discord.token: invalid value (not shown)");
    }

    @Test
    void readsVaultSources_fromThePredecessorsListOrFromObjects() throws Exception {
        String a = "0x00000000000000000000000000000000000000aa";
        String b = "0x00000000000000000000000000000000000000BB";
        var fromEnv = valid(SietchConfig.load(Optional.empty(),
                Map.of("REWARD_VAULT_ADDRESSES", a + ", " + b, "REWARD_PAID_EVENT", "legacy"), new Properties()));
        Path file = Files.writeString(dir.resolve("application.conf"), """
                sietch.chain {
                  start-block = 100
                  vaults = [ "%s", { address = "%s", event = legacy, start-block = 7 } ]
                  confirmations = 0
                  max-block-range = 500
                  parallel-requests = 2
                  request-timeout = 2s
                }
                """.formatted(a, b));
        var fromFile = valid(SietchConfig.load(Optional.of(file), Map.of(), new Properties()));

        assertThat(fromEnv.chain().vaults()).containsExactly(
                new VaultSource(a, ClaimEvent.LEGACY, 0), new VaultSource(b.toLowerCase(), ClaimEvent.LEGACY, 0));
        assertThat(fromFile.chain().vaults()).containsExactly(
                new VaultSource(a, ClaimEvent.POL, 100), new VaultSource(b.toLowerCase(), ClaimEvent.LEGACY, 7));
        assertThat(fromFile.chain().scan()).isEqualTo(new ChainSettings.Scan(0, false, 500, 2));
        assertThat(fromFile.chain().retry().requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(valid(SietchConfig.load(Optional.empty(), Map.of(), new Properties())).chain().scan())
                .isEqualTo(ChainSettings.Scan.DEFAULT);
    }

    @Test
    void reportsBadVaultEntries_eachOnItsOwnLine() throws Exception {
        Path file = Files.writeString(dir.resolve("application.conf"), """
                sietch.chain.vaults = [ "0x12", { address = "0x00000000000000000000000000000000000000aa", event = v3 },
                  { address = "0x00000000000000000000000000000000000000bb", colour = red } ]
                sietch.chain.parallel-requests = 0
                """);

        var problems = invalid(SietchConfig.load(Optional.of(file), Map.of(), new Properties()));

        assertThat(problems).containsExactlyInAnyOrder(
                "sietch.chain.vaults: entry 1: vault address must be 0x followed by 40 hex digits",
                "sietch.chain.vaults: entry 2: event must be pol or legacy",
                "sietch.chain.vaults: entry 3: unknown key(s) [colour] (allowed: address, event, start-block)",
                "sietch.chain.parallel-requests: must be between 1 and 64, was 0");
    }

    private static SietchSettings valid(ConfigResult result) {
        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).settings();
    }

    @Test
    void discordRolesModeSietchNeedsBothRoleIds_andUrlsMustBeUrls() {
        var problems = invalid(SietchConfig.load(Optional.empty(), Map.of("DISCORD_ROLES_MODE", "sietch",
                "DISCORD_ROLE_NAIB", "123456789012345678", "DISCORD_GATEWAY_URL", "http://not-a-websocket"),
                new Properties()));

        assertThat(problems).containsExactlyInAnyOrder(
                "sietch.discord.roles.mode (from DISCORD_ROLES_MODE): sietch needs sietch.discord.roles.naib and "
                        + ".fedaykin (DISCORD_ROLE_NAIB, DISCORD_ROLE_FEDAYKIN)",
                "sietch.discord.gateway-url (from DISCORD_GATEWAY_URL): not an absolute ws(s) URL");
    }

    @Test
    void readsTheSocialLayerAndVerifySettings_withThePredecessorsVariables() {
        var settings = valid(SietchConfig.load(Optional.empty(), Map.of("ACTIVITY_POINTS_MESSAGE", "3",
                "ACTIVITY_DECAY_RATE", "0.25", "ACTIVITY_DECAY_PERIOD_HOURS", "12", "SOCIAL_LAYER_LAUNCH_DATE", "2025-03-01",
                "NYM_CHANGE_COOLDOWN_DAYS", "7", "MAX_BIO_LENGTH", "200", "PUBLIC_URL", "https://sietch.example.com"),
                new Properties()));

        assertThat(settings.social().activity()).isEqualTo(new dev.sietch.core.model.Activity.Settings(3, 1, 2,
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(5), 0.25, java.time.Duration.ofHours(12)));
        assertThat(settings.social().launch()).isEqualTo(java.time.Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(settings.social().nymCooldown()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(settings.social().maxBioLength()).isEqualTo(200);
        assertThat(settings.verify().publicUrl()).contains(java.net.URI.create("https://sietch.example.com"));
        assertThat(valid(SietchConfig.load(Optional.empty(), Map.of(), new Properties())).social())
                .isEqualTo(SietchSettings.Social.DEFAULT);

        assertThat(invalid(SietchConfig.load(Optional.empty(), Map.of("ACTIVITY_DECAY_RATE", "1.5",
                "SOCIAL_LAYER_LAUNCH_DATE", "soon", "PUBLIC_URL", "sietch.example.com"), new Properties())))
                .containsExactlyInAnyOrder(
                        "sietch.social.activity.decay-rate (from ACTIVITY_DECAY_RATE): must be at least 0 and less than 1, was 1.5",
                        "sietch.social.launch-date (from SOCIAL_LAYER_LAUNCH_DATE): not a date (2025-01-01) or an ISO-8601 instant, was soon",
                        "sietch.http.public-url (from PUBLIC_URL): not an absolute http(s) URL without query or fragment");
    }

    @Test
    void choosesTheDatabaseByUrl_sqliteByDefault_andPostgresWithItsPasswordOnlyFromTheEnvironment() {
        var defaults = valid(SietchConfig.load(Optional.empty(), Map.of(), new Properties()));
        assertThat(defaults.database()).isEqualTo(SietchSettings.Database.SQLITE);

        var sqlite = valid(SietchConfig.load(Optional.empty(), Map.of("DATABASE_URL", "sqlite:/var/lib/sietch/s.db"),
                new Properties()));
        assertThat(sqlite.store().databasePath()).isEqualTo(Path.of("/var/lib/sietch/s.db"));
        assertThat(sqlite.database().postgres()).isEmpty();

        var props = new Properties();
        props.setProperty("sietch.database.leader.lease", "6s");
        props.setProperty("sietch.database.leader.renew-every", "1s");
        var postgres = valid(SietchConfig.load(Optional.empty(), Map.of(
                "DATABASE_URL", "postgresql://db.internal:5433/sietch?sslmode=require",
                "SIETCH_POSTGRES_PASSWORD", "pg-secret-value"), props));
        var pg = postgres.database().postgres().orElseThrow();
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/sietch?sslmode=require");
        assertThat(pg.user()).isEqualTo("sietch");
        assertThat(pg.password()).isEqualTo("pg-secret-value");
        assertThat(pg.maxPoolSize()).isEqualTo(10);
        assertThat(pg.toString()).doesNotContain("pg-secret-value");
        assertThat(postgres.database().lease()).isEqualTo(Duration.ofSeconds(6));
        assertThat(postgres.database().renewEvery()).isEqualTo(Duration.ofSeconds(1));
        assertThat(valid(SietchConfig.load(Optional.empty(), Map.of("DATABASE_URL", "postgresql://ops@h/db"),
                new Properties())).database().postgres().orElseThrow().user()).isEqualTo("ops");

        // a password in the URL, another scheme, renewals too slow for the lease: each refused, no secret shown
        assertThat(invalid(SietchConfig.load(Optional.empty(), Map.of("DATABASE_URL", "postgresql://u:hunter2@h/db"),
                new Properties()))).singleElement().asString()
                .contains("DATABASE_URL", "no password in the URL", "SIETCH_POSTGRES_PASSWORD").doesNotContain("hunter2");
        assertThat(invalid(SietchConfig.load(Optional.empty(), Map.of("DATABASE_URL", "mysql://u:hunter2@h/db"),
                new Properties()))).singleElement().asString().contains("expected sqlite:PATH or postgresql://")
                .doesNotContain("hunter2");
        var slow = new Properties();
        slow.setProperty("sietch.database.leader.renew-every", "10s");
        assertThat(invalid(SietchConfig.load(Optional.empty(), Map.of("DATABASE_URL", "postgresql://h/db"), slow)))
                .singleElement().asString().contains("renew-every", "a third");
    }

    private static List<String> invalid(ConfigResult result) {
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return ((ConfigResult.Invalid) result).problems();
    }
}
