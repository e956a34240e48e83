package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.chain.Web3Signatures;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.Members;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.http.HttpApi;
import dev.sietch.http.HttpSettings;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Wallet linking over real HTTP with real signatures (web3j's secp256k1, as a wallet signs):
 * the EIP-4361 message, the link, and each way an attempt fails — expired, replayed, signed by
 * another wallet, unknown, malformed.
 */
final class WalletLinkingTest {

    static final String KEY_A = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static final String KEY_B = "8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f";
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00.250Z");
    private static final DiscordUserId USER = DiscordUserId.of("700000000000000001");

    @TempDir
    Path dir;

    private final EligibilitySyncTest.MutableClock clock = new EligibilitySyncTest.MutableClock(T0);
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<LinkWallet.Linked> confirmed = new ArrayList<>();
    private SqliteStore store;
    private LinkWallet linking;
    private HttpApi api;

    @BeforeEach
    void start() {
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        linking = new LinkWallet(new LinkWallet.Settings(URI.create("https://sietch.example"), Duration.ofMinutes(10),
                LinkWallet.Settings.BERACHAIN), store.walletVerifications(), store.walletLinks(), new Web3Signatures(), clock);
        linking.onLinked(confirmed::add);
        api = HttpApi.builder(new HttpSettings("127.0.0.1", 0)).clock(clock)
                .syncHealth(store.syncHealth(), Duration.ofHours(6), Duration.ofHours(24))
                .rankings(store.rankings(), RankingPolicy.DEFAULT)
                .metrics(new SimpleMeterRegistry(), () -> "")
                .admin(store.overrides(), store.auditLog())
                .community(store.members(), store.walletLinks(), store.memberBadges(), store.naibSeats(),
                        store.waitlist(), store.thresholdHistory(), store.notifications())
                .walletLinking(linking)
                .start();
    }

    @AfterEach
    void stop() {
        api.close();
        store.close();
    }

    @Test
    void theWalletSignsAnEip4361Message_andIsLinked() throws Exception {
        LinkWallet.Started started = linking.start(USER);
        String nonce = nonce(started);
        assertThat(started.page().toString()).isEqualTo("https://sietch.example/verify/" + nonce);
        assertThat(started.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));

        String message = message(nonce, address(KEY_A).toLowerCase());
        assertThat(message).isEqualTo("""
                sietch.example wants you to sign in with your Ethereum account:
                0x2c7536E3605D9C16a7a3D7b1898e529396a65c23

                Link this wallet to my Discord account in Sietch. This costs nothing and grants no spending rights.

                URI: https://sietch.example/verify/%s
                Version: 1
                Chain ID: 80094
                Nonce: %s
                Issued At: 2026-11-26T12:00:00Z
                Expiration Time: 2026-11-26T12:10:00Z""".formatted(nonce, nonce));

        var response = complete(nonce, address(KEY_A), sign(message, KEY_A));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"linked\":true,\"wallet\":\"0x2c7536e3605d9c16a7a3d7b1898e529396a65c23\"}");
        assertThat(store.walletLinks().walletOf(USER)).contains(WalletAddress.of(address(KEY_A)));
        assertThat(confirmed).containsExactly(new LinkWallet.Linked(USER, WalletAddress.of(address(KEY_A)), Optional.empty()));
        assertThat(store.auditLog().recent(10, Optional.of("wallet_linked"), Optional.empty())).singleElement()
                .satisfies(r -> assertThat(r.dataJson()).isEqualTo("{\"discordUserId\":\"" + USER
                        + "\",\"wallet\":\"0x2c7536e3605d9c16a7a3d7b1898e529396a65c23\",\"previousWallet\":null}"));
    }

    @Test
    void aLinkCompletedThroughAnInstanceWithoutTheBot_isConfirmedOnceByTheInstanceThatRunsIt() throws Exception {
        // another instance's API on the same store: no bot, so no listener of its own
        var follower = new LinkWallet(new LinkWallet.Settings(URI.create("https://sietch.example"), Duration.ofMinutes(10),
                LinkWallet.Settings.BERACHAIN), store.walletVerifications(), store.walletLinks(), new Web3Signatures(), clock);
        store.walletLinks().link(USER, WalletAddress.of(address(KEY_B)), T0);
        String nonce = nonce(linking.start(USER));
        assertThat(follower.complete(nonce, address(KEY_A), sign(message(nonce, address(KEY_A)), KEY_A)))
                .isInstanceOf(LinkWallet.Linked.class);
        assertThat(confirmed).isEmpty();
        assertThat(follower.confirmPending(Duration.ofHours(1), 20)).as("no bot here").isZero();

        assertThat(linking.confirmPending(Duration.ofHours(1), 20)).isEqualTo(1);
        assertThat(linking.confirmPending(Duration.ofHours(1), 20)).isZero();
        assertThat(confirmed).containsExactly(new LinkWallet.Linked(USER, WalletAddress.of(address(KEY_A)),
                Optional.of(WalletAddress.of(address(KEY_B)))));

        // a link completed where the bot runs is confirmed at once, and not again
        String again = nonce(linking.start(USER));
        assertThat(complete(again, address(KEY_B), sign(message(again, address(KEY_B)), KEY_B)).statusCode()).isEqualTo(200);
        assertThat(linking.confirmPending(Duration.ofHours(1), 20)).isZero();
        assertThat(confirmed).hasSize(2);
    }

    @Test
    void aUsedLinkCannotBeReplayed() throws Exception {
        String nonce = nonce(linking.start(USER));
        String signature = sign(message(nonce, address(KEY_A)), KEY_A);
        assertThat(complete(nonce, address(KEY_A), signature).statusCode()).isEqualTo(200);

        var replay = complete(nonce, address(KEY_A), signature);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).isEqualTo(
                "{\"error\":\"This link has already been used. Run /verify in Discord for a new one.\"}");
        assertThat(get("/verify/" + nonce).statusCode()).isEqualTo(409);
        assertThat(confirmed).hasSize(1);
    }

    @Test
    void anExpiredLinkFails_evenWithAGoodSignature() throws Exception {
        String nonce = nonce(linking.start(USER));
        String signature = sign(message(nonce, address(KEY_A)), KEY_A);
        clock.set(T0.plus(Duration.ofMinutes(10)));

        var late = complete(nonce, address(KEY_A), signature);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("This link has expired. Run /verify in Discord for a new one.");
        var page = get("/verify/" + nonce);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired.").contains("<button id=\"connect\" type=\"button\" hidden>");
        assertThat(store.walletLinks().walletOf(USER)).isEmpty();
    }

    @Test
    void aSignatureByAnotherWalletFails_sayingWhichSigned() throws Exception {
        String nonce = nonce(linking.start(USER));
        String message = message(nonce, address(KEY_A));

        var wrong = complete(nonce, address(KEY_A), sign(message, KEY_B));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The message was signed by " + address(KEY_B) + ", not by "
                + "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23. Sign with the wallet you want to link.");
        // a signature of another challenge's message (or any other text) does not recover A either
        var other = complete(nonce, address(KEY_A), sign("Link this wallet", KEY_A));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(store.walletLinks().walletOf(USER)).isEmpty();

        // the failures did not use the link up
        assertThat(complete(nonce, address(KEY_A), sign(message, KEY_A)).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownLinksAndMalformedInputAreRefusedClearly() throws Exception {
        assertThat(get("/verify/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);
        assertThat(get("/verify/not-a-nonce").body()).contains("This link is not valid.");
        String nonce = nonce(linking.start(USER));
        var badAddress = get("/api/verify/" + nonce + "/message?address=0x12");
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(badAddress.body()).isEqualTo("{\"error\":\"That is not a wallet address.\"}");
        assertThat(get("/api/verify/" + nonce + "/message").statusCode()).isEqualTo(400);
        var missing = post("/api/verify/" + nonce, "{\"address\":\"" + address(KEY_A) + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Required");
        assertThat(complete(nonce, address(KEY_A), "0xdead").body()).contains("The signature is not valid.");
    }

    @Test
    void challengesExpiredForAWeekAreForgotten() throws Exception {
        String old = nonce(linking.start(USER));
        clock.set(T0.plus(Duration.ofDays(8)));
        String fresh = nonce(linking.start(USER));

        assertThat(get("/verify/" + old).statusCode()).isEqualTo(404);
        assertThat(get("/verify/" + fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void movingToAnotherWalletKeepsTheProfile() throws Exception {
        var profile = store.members().create(new Members.NewProfile(USER, "Chani", Role.FEDAYKIN, Optional.empty(),
                Optional.empty(), PictureSource.NONE), T0);
        String first = nonce(linking.start(USER));
        complete(first, address(KEY_A), sign(message(first, address(KEY_A)), KEY_A));
        String second = nonce(linking.start(USER));
        assertThat(complete(second, address(KEY_B), sign(message(second, address(KEY_B)), KEY_B)).statusCode())
                .isEqualTo(200);

        assertThat(store.walletLinks().walletOf(USER)).contains(WalletAddress.of(address(KEY_B)));
        assertThat(confirmed.getLast().previous()).contains(WalletAddress.of(address(KEY_A)));
        assertThat(store.members().byDiscordId(USER)).contains(profile);
    }

    @Test
    void thePageRunsOnlyItsOwnScript_andIsNotCached() throws Exception {
        var page = get("/verify/" + nonce(linking.start(USER)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(page.body()).contains("<script src=\"assets/verify.js\" defer></script>").doesNotContain("onclick");
        assertThat(get("/verify/assets/verify.js").body()).contains("personal_sign");
    }

    // ---- helpers

    static String address(String key) {
        return Keys.toChecksumAddress(Keys.getAddress(ECKeyPair.create(new BigInteger(key, 16))));
    }

    static String sign(String message, String key) {
        Sign.SignatureData data = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
                ECKeyPair.create(new BigInteger(key, 16)));
        byte[] bytes = new byte[65];
        System.arraycopy(data.getR(), 0, bytes, 0, 32);
        System.arraycopy(data.getS(), 0, bytes, 32, 32);
        bytes[64] = data.getV()[0];
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static String nonce(LinkWallet.Started started) {
        String page = started.page().toString();
        return page.substring(page.lastIndexOf('/') + 1);
    }

    private String message(String nonce, String address) throws Exception {
        var response = get("/api/verify/" + nonce + "/message?address=" + address);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("message").asText();
    }

    private HttpResponse<String> complete(String nonce, String address, String signature) throws Exception {
        return post("/api/verify/" + nonce, "{\"address\":\"" + address + "\",\"signature\":\"" + signature + "\"}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.address().getPort() + path);
    }
}
