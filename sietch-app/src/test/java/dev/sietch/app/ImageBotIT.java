package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.http.fake.PictureServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped image's bot, black-box: {@code bin/sietch serve} pointed (by DISCORD_REST_URL and
 * DISCORD_GATEWAY_URL) at the fake Discord, with an event file to sync. It logs in, registers its
 * commands, announces the first sync in #the-door, posts the census, answers slash commands, and
 * links a wallet through its own HTTP page flow, confirming by direct message.
 */
final class ImageBotIT {

    private static final long GUILD = 800_000_000_000_000_001L;
    private static final long MEMBER = 700_000_000_000_000_007L;

    @TempDir
    static Path root;

    private static Path home;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void unpack() throws Exception {
        home = ShippedImage.unpack(root);
    }

    @Test
    void theImagesBotWorksAgainstADiscordCompatibleServer() throws Exception {
        try (var discord = new FakeDiscord(GUILD);
                var pictures = new PictureServer(Files.createDirectories(root.resolve("pictures")))) {
            var theDoor = discord.addTextChannel("the-door");
            var census = discord.addTextChannel("census");
            discord.addMember(MEMBER, "stilgar");
            Path work = Files.createDirectories(root.resolve("work"));
            Files.writeString(work.resolve("events.csv"), """
                    claim,10,0xa1,0,0x2c7536E3605D9C16a7a3D7b1898e529396a65c23,5000000000000000000000
                    claim,11,0xa2,0,0x0000000000000000000000000000000000000002,3000000000000000000000
                    """);
            int port = freePort();
            Path log = work.resolve("out.log");
            var command = List.of(home.resolve("bin/sietch").toString(), "serve");
            var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/nonexistent");
            builder.environment().put("HOME", work.toString());
            // members' pictures come from the local HTTPS server: its host is allowed and its certificate
            // trusted by configuration alone
            builder.environment().put("SIETCH_JAVA_OPTS", "-Dsietch.sync.interval=1s -Djavax.net.ssl.trustStore="
                    + pictures.trustStore() + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12");
            builder.environment().put("PFP_ALLOWED_HOSTS", "127.0.0.1:" + pictures.port());
            builder.environment().putAll(Map.of("API_PORT", Integer.toString(port),
                    "SIETCH_EVENTS_FILE", "events.csv",
                    "DISCORD_BOT_TOKEN", FakeDiscord.TOKEN, "DISCORD_GUILD_ID", Long.toString(GUILD),
                    "DISCORD_REST_URL", discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                    "DISCORD_CHANNEL_THE_DOOR", Long.toString(theDoor.id()),
                    "DISCORD_CHANNEL_CENSUS", Long.toString(census.id())));
            Process process = builder.start();
            try {
                // the first sync is a bootstrap: it announces nothing, and the census shows it
                await(() -> discord.messages(census.id()).size() == 1, Duration.ofSeconds(60), log);
                assertThat(discord.messages(theDoor.id())).isEmpty();

                assertThat(discord.identifies()).isEqualTo(1);
                DataObject registered = DataObject.fromJson("{\"c\":" + discord.calls("PUT",
                        p -> p.endsWith("/guilds/" + GUILD + "/commands")).getFirst().body() + "}");
                assertThat(registered.getArray("c").stream(net.dv8tion.jda.api.utils.data.DataArray::getObject)
                        .map(c -> c.getString("name")))
                        .containsExactlyInAnyOrder("position", "verify", "stats", "badges", "profile", "leaderboard", "onboard",
                                "directory", "admin-badge", "naib", "threshold", "register-waitlist",
                                "alerts");
                assertThat(discord.messages(census.id()).getFirst().getArray("embeds").getObject(0)
                        .getObject("footer").getString("text")).isEqualTo("Total Eligible: 2/69");

                // a new holder appears on chain: the next sync announces them and edits the census
                Files.writeString(work.resolve("events.csv"),
                        "claim,20,0xa3,0,0x0000000000000000000000000000000000000003,4000000000000000000000\n",
                        java.nio.file.StandardOpenOption.APPEND);
                await(() -> discord.messages(theDoor.id()).size() == 2, Duration.ofSeconds(30), log);
                assertThat(discord.messages(theDoor.id())).extracting(m -> m.getArray("embeds").getObject(0)
                        .getString("title")).containsExactlyInAnyOrder("New Eligible Member", "New Naib Council Member");
                await(() -> discord.messages(census.id()).getFirst().getArray("embeds").getObject(0)
                        .getObject("footer").getString("text").equals("Total Eligible: 3/69"), Duration.ofSeconds(10), log);
                assertThat(discord.messages(census.id())).hasSize(1); // edited in place

                // /verify, then the page's two calls, signed by the wallet that holds rank 1
                long interaction = discord.slashCommand(MEMBER, "verify");
                String reply = discord.awaitCall("POST", p -> p.startsWith("/api/v10/interactions/" + interaction + "/"),
                        Duration.ofSeconds(10)).json().getObject("data").getString("content");
                Matcher link = Pattern.compile("/verify/([0-9a-f]{32})").matcher(reply);
                assertThat(link.find()).as(reply).isTrue();
                assertThat(reply).contains("http://127.0.0.1:" + port + "/verify/");
                String nonce = link.group(1);
                String address = WalletLinkingTest.address(WalletLinkingTest.KEY_A);
                var message = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/verify/"
                        + nonce + "/message?address=" + address)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(message.statusCode()).as(message.body()).isEqualTo(200);
                String text = new ObjectMapper().readTree(message.body()).get("message").asText();
                var linked = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/verify/" + nonce))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"" + address + "\",\"signature\":\""
                                + WalletLinkingTest.sign(text, WalletLinkingTest.KEY_A) + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
                // the link is confirmed, and (the wallet being rank 1) the onboarding wizard starts
                await(() -> discord.directMessages(MEMBER).size() == 2, Duration.ofSeconds(10), log);
                assertThat(discord.directMessages(MEMBER)).extracting(m -> m.getArray("embeds").getObject(0)
                        .getString("title")).containsExactly("Wallet linked", "Welcome to Sietch");

                // the wizard, with the member's own picture: downloaded over https, re-encoded, served by the API
                callback(discord, discord.dmButton(MEMBER, "onboarding:nym"));
                callback(discord, discord.dmModal(MEMBER, "onboarding:nym_form", Map.of("nym", "Stilgar")));
                long upload = discord.dmModal(MEMBER, "onboarding:picture_form", Map.of("url", pictures.url("/photo.jpg")));
                assertThat(callback(discord, upload).getInt("type")).isEqualTo(5);
                assertThat(discord.awaitCall("POST", p -> p.contains("/webhooks/") && p.contains("token-" + upload),
                        Duration.ofSeconds(15)).json().getString("content")).isEqualTo("Picture saved.");
                DataObject welcome = callback(discord, discord.dmButton(MEMBER, "onboarding:skip_bio"));
                String picture = welcome.getObject("data").getArray("embeds").getObject(0).getObject("thumbnail")
                        .getString("url");
                assertThat(picture).matches("http://127\\.0\\.0\\.1:" + port + "/api/pictures/[0-9a-f-]{36}\\.webp\\?v=\\d+");
                var served = client.send(HttpRequest.newBuilder(URI.create(picture)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(served.headers().firstValue("Content-Type")).contains("image/webp");
                assertThat(new String(served.body(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");

                // /position now places the member by the linked wallet (rank 1 of 3)
                long position = discord.slashCommand(MEMBER, "position");
                String answer = discord.awaitCall("POST", p -> p.startsWith("/api/v10/interactions/" + position + "/"),
                        Duration.ofSeconds(10)).json().getObject("data").getString("content");
                assertThat(answer).startsWith("You are **#1** with **5000 BGT**.");
            } finally {
                process.destroy();
            }
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("Discord: connected to guild Sietch", "Sietch stopped")
                    .doesNotContain(FakeDiscord.TOKEN)
                    .doesNotContain("restricted method"); // native access is granted to exactly the modules needing it
        }
    }

    private static DataObject callback(FakeDiscord discord, long interaction) throws InterruptedException {
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + interaction + "/"), Duration.ofSeconds(10)).json();
    }

    private static void await(BooleanSupplier condition, Duration timeout, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + "; the service logged:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
