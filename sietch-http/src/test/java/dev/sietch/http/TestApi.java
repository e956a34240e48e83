package dev.sietch.http;

import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Secret;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.core.port.EvmSignatures;
import dev.sietch.core.port.Members;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension: before each test, the API on a free loopback port, serving from a real SQLite
 * store in a fresh temporary directory, called with java.net.http; after it, both closed and deleted. {@link #rank} commits a ranking the way a sync does.
 */
final class TestApi implements BeforeEachCallback, AfterEachCallback {

    static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    static final BigInteger BGT = BigInteger.TEN.pow(18);
    /** A 32-character admin key, and the name it acts as. */
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdefX";
    static final String ADMIN_NAME = "ops";
    static final Secret MEMBER_SECRET = new Secret("member-token-secret-for-tests-0123456789");

    final MutableClock clock = new MutableClock(START);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SqliteStore store;
    HttpApi api;
    private Path dir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Instant socialLaunch;
    private final boolean walletLinking;
    /** Wallet linking, when {@link #withWalletLinking()} asked for it. */
    LinkWallet linking;

    /** With the default launch date of the social layer. */
    TestApi() {
        this(dev.sietch.core.model.TenureCategory.DEFAULT_LAUNCH);
    }

    /** @param socialLaunch when the social layer launched (tenure categories) */
    TestApi(Instant socialLaunch) {
        this(socialLaunch, false);
    }

    private TestApi(Instant socialLaunch, boolean walletLinking) {
        this.socialLaunch = socialLaunch;
        this.walletLinking = walletLinking;
    }

    /**
     * With the wallet-linking routes, whose signature check is a stand-in: a "signature" is the
     * address of the wallet that signed.
     */
    static TestApi withWalletLinking() {
        return new TestApi(dev.sietch.core.model.TenureCategory.DEFAULT_LAUNCH, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("sietch-http-test");
        store = Store.sqlite(StoreSettings.of(dir.resolve("sietch.db")), clock);
        HttpSettings settings = new HttpSettings("127.0.0.1", 0)
                .withRateLimits(new HttpSettings.RateLimits(0, 0, 0))
                .withAdminKeys(List.of(AdminKey.ofPlain(ADMIN_KEY, ADMIN_NAME)))
                .withMemberTokenSecret(MEMBER_SECRET);
        HttpApi.Builder builder = HttpApi.builder(settings);
        if (walletLinking) {
            linking = new LinkWallet(new LinkWallet.Settings(URI.create("https://sietch.example"), Duration.ofMinutes(15), 80094),
                    store.walletVerifications(), store.walletLinks(), new EvmSignatures() {
                        @Override
                        public String checksum(WalletAddress wallet) {
                            return wallet.value();
                        }

                        @Override
                        public Optional<WalletAddress> signer(String message, String signature) {
                            return WalletAddress.parse(signature);
                        }
                    }, clock);
            builder.walletLinking(linking);
        }
        api = builder
                .clock(clock)
                .syncHealth(store.syncHealth(), Duration.ofHours(6), Duration.ofHours(24))
                .rankings(store.rankings(), RankingPolicy.DEFAULT)
                .metrics(registry, () -> "# HELP up Whether the service is up\n# TYPE up gauge\nup 1\n")
                .admin(store.overrides(), store.auditLog())
                .community(store.members(), store.walletLinks(), store.memberBadges(), store.naibSeats(), store.waitlist(),
                        store.thresholdHistory(), store.notifications())
                .socialLaunch(socialLaunch)
                .version("test")
                .start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        api.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", 0xabcdef00L + n));
    }

    /**
     * Commits a ranking of {@code wallets} wallets as a sync at the clock's time: rank 1 holds
     * 1,000 BGT and 1 wei (exact beyond a double's precision), then 49, 48.5, … BGT.
     */
    void rank(int wallets) {
        List<RankedWallet> list = new ArrayList<>();
        for (int rank = 1; rank <= wallets; rank++) {
            BigInteger held = rank == 1 ? BGT.multiply(BigInteger.valueOf(1_000)).add(BigInteger.ONE)
                    : BGT.multiply(BigInteger.valueOf(200 - rank)).divide(BigInteger.valueOf(4));
            Role role = rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE;
            list.add(new RankedWallet(wallet(rank), rank, new Wei(held), role, rank <= 69));
        }
        var last = store.eligibility().lastSync();
        Instant now = clock.instant();
        store.eligibility().commitSync(new EligibilityStore.SyncCommit(now, last.syncId(), last.ranking(),
                Ranking.of(list), List.of(), List.of(new AuditEntry("eligibility_update", Map.of("ranked", wallets))),
                store.syncHealth().current().afterSuccess(now).next(), OptionalLong.of(1000),
                Threshold.of(list, RankingPolicy.DEFAULT), AlertRules.weekStart(now)),
                SyncRules.decider(last.ranking(), Ranking.of(list), RankingPolicy.DEFAULT, last.syncId().isEmpty(), now));
    }

    /** The Discord id of test member {@code n}: an 18-digit snowflake. */
    static String discordId(int n) {
        return String.valueOf(100_000_000_000_000_000L + n);
    }

    /**
     * A member: Discord account {@code n} linked to the wallet at rank {@code n}, with a profile
     * (onboarded unless told otherwise) created at the clock's time.
     */
    MemberProfile member(int n, String nym, boolean onboarded) {
        store.walletLinks().link(DiscordUserId.of(discordId(n)), wallet(n), clock.instant());
        MemberProfile created = store.members().create(new Members.NewProfile(DiscordUserId.of(discordId(n)), nym,
                n <= 7 ? Role.NAIB : Role.FEDAYKIN, Optional.of("bio of " + nym), Optional.empty(), PictureSource.NONE), clock.instant());
        if (onboarded) {
            store.members().completeOnboarding(created.memberId(), clock.instant());
        }
        return store.members().byId(created.memberId()).orElseThrow();
    }

    /** A signed member token for test member {@code n}, valid for a day. */
    String token(int n) {
        return new MemberTokens(MEMBER_SECRET).issue(discordId(n), clock.instant().plus(Duration.ofDays(1)));
    }

    HttpResponse<String> asMember(int n, String method, String path, String body) throws Exception {
        return send(method, path, body, "Authorization", "Bearer " + token(n), "Content-Type", "application/json");
    }

    int port() {
        return api.address().getPort();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body, "X-API-Key", ADMIN_KEY, "Content-Type", "application/json");
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    SyncHealth health() {
        return store.syncHealth().current();
    }

}
