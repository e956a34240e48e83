package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchConfig;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.http.HttpSettings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /verify end to end: the service (HTTP API and bot) against the fake Discord; a member runs
 * /verify, opens the private link in real headless Chromium, whose injected test wallet signs with
 * a known key, and the wallet is linked and confirmed by direct message. Opening the link again
 * shows that it was used.
 */
final class WalletLinkingBrowserTest {

    private static final long GUILD = 800_000_000_000_000_001L;
    private static final long MEMBER = 700_000_000_000_000_042L;
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/verify/[0-9a-f]{32}");

    @TempDir
    Path dir;

    @Test
    void aMemberLinksTheirWalletInTheBrowser() throws Exception {
        Path browser = Path.of(System.getProperty("sietch.browser.dir", "target/browser"));
        assertThat(browser.resolve("node_modules/playwright-core")).as(
                "playwright-core is installed by the Maven build (npm ci in target/browser)").isDirectory();
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))).as(
                "this test drives Debian's Chromium: apt-get install chromium").isExecutable();

        try (var discord = new FakeDiscord(GUILD)) {
            discord.addTextChannel("general");
            discord.addMember(MEMBER, "chani");
            Path db = dir.resolve("sietch.db");
            var env = Map.of("DATABASE_PATH", db.toString(), "DISCORD_BOT_TOKEN", FakeDiscord.TOKEN,
                    "DISCORD_GUILD_ID", Long.toString(GUILD), "DISCORD_REST_URL", discord.restUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl());
            SietchSettings configured = ((ConfigResult.Valid) SietchConfig.load(Optional.empty(), env, new Properties()))
                    .settings();
            var settings = new SietchSettings(new HttpSettings("127.0.0.1", freePort()), configured.store(),
                    configured.chain(), configured.discord(), configured.sync(), configured.ranking(), configured.log(),
                    configured.verify(), configured.social());

            try (var service = Service.start(settings, Clock.systemUTC())) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                while (!service.discordConnected() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                assertThat(service.discordConnected()).isTrue();

                long interaction = discord.slashCommand(MEMBER, "verify");
                DataObject reply = discord.awaitCall("POST", p -> p.startsWith("/api/v10/interactions/" + interaction + "/"),
                        Duration.ofSeconds(10)).json();
                assertThat(reply.getObject("data").getInt("flags") & 64).as("ephemeral").isEqualTo(64);
                Matcher link = LINK.matcher(reply.getObject("data").getString("content"));
                assertThat(link.find()).as(reply.toString()).isTrue();

                JsonNode first = openInBrowser(browser, link.group());
                assertThat(first.get("problems")).as(first.toString()).isEmpty();
                assertThat(first.get("httpStatus").asInt()).isEqualTo(200);
                assertThat(first.get("csp").asText()).contains("script-src 'self'");
                assertThat(first.get("state").asText()).as(first.toString()).isEqualTo("done");
                assertThat(first.get("status").asText()).isEqualTo("Linked 0x2c7536e3605d9c16a7a3d7b1898e529396a65c23 "
                        + "to your Discord account. You can close this page.");
                assertThat(linkedWallet(db)).contains("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23");

                deadline = Instant.now().plus(Duration.ofSeconds(10));
                while (discord.directMessages(MEMBER).isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                assertThat(discord.directMessages(MEMBER)).singleElement().satisfies(dm -> assertThat(
                        dm.getArray("embeds").getObject(0).getString("description"))
                        .isEqualTo("Your Discord account is now linked to `0x2c75...5c23`."));

                JsonNode again = openInBrowser(browser, link.group());
                assertThat(again.get("httpStatus").asInt()).isEqualTo(409);
                assertThat(again.get("offered").asBoolean()).isFalse();
                assertThat(again.get("status").asText()).isEqualTo(
                        "This link has already been used. Run /verify in Discord for a new one.");
            }
        }
    }

    private static JsonNode openInBrowser(Path browser, String url) throws Exception {
        Path output = Files.createTempFile("link-wallet", ".json");
        Process node = new ProcessBuilder("node", "link-wallet.mjs", url, "0x" + WalletLinkingTest.KEY_A)
                .directory(browser.toFile()).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("the browser run finished").isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(node.exitValue()).as(printed).isZero();
            return new ObjectMapper().readTree(printed);
        } finally {
            node.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static Optional<String> linkedWallet(Path db) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                var statement = connection.prepareStatement("SELECT wallet FROM wallet_link WHERE discord_user_id = ?")) {
            statement.setString(1, Long.toString(MEMBER));
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
