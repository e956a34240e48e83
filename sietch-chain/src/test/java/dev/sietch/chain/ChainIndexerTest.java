package dev.sietch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.chain.testkit.Anvil;
import dev.sietch.chain.testkit.BruteForceScan;
import dev.sietch.chain.testkit.Scenario;
import dev.sietch.chain.testkit.TestChain;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.usecase.IndexChainEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The indexer against a real EVM node (anvil) running the test contracts. */
final class ChainIndexerTest {

    private static final int WALLETS = 24;

    private Anvil anvil;
    private TestChain chain;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void startNode() {
        anvil = Anvil.start();
        chain = TestChain.deploy(anvil, 3);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        anvil.close();
    }

    // ---- scenario -------------------------------------------------------------------------

    void play(int rounds, long seed) {
        new Scenario(chain, WALLETS).play(rounds, seed);
    }

    List<ChainEvent> bruteForce(long to) {
        List<ChainEvent> events = new ArrayList<>();
        for (var log : BruteForceScan.of(chain).scan(0, to)) {
            var id = new ChainEvent.EventId(log.block(), log.txHash(), (int) log.logIndex());
            var wallet = WalletAddress.of(log.wallet());
            var amount = new Wei(log.amount());
            events.add(log.kind() == BruteForceScan.Kind.BURN ? new ChainEvent.Burn(id, wallet, amount)
                    : new ChainEvent.Claim(id, wallet, amount));
        }
        return events;
    }

    // ---- indexer set-up ------------------------------------------------------------------------

    ChainSettings settings(List<URI> urls, int confirmations, int maxRange, int parallel, boolean finalized) {
        List<VaultSource> vaults = new ArrayList<>();
        chain.polVaults().forEach(v -> vaults.add(new VaultSource(v, ClaimEvent.POL, 0)));
        vaults.add(new VaultSource(chain.legacyVault(), ClaimEvent.LEGACY, 0));
        return new ChainSettings(urls, Optional.of(chain.bgt()), 0, vaults,
                new ChainSettings.Scan(confirmations, finalized, maxRange, parallel),
                new ChainSettings.Retry(Duration.ofMillis(800), 3, Duration.ofMillis(20), Duration.ofSeconds(2)),
                Optional.empty());
    }

    ChainIndexer indexer(ChainSettings settings) {
        var indexer = ChainIndexer.connect(settings, registry, Clock.systemUTC());
        closing.add(indexer);
        return indexer;
    }

    FaultProxy proxy() throws Exception {
        var proxy = new FaultProxy(anvil.rpcUrl());
        closing.add(proxy);
        return proxy;
    }

    static IndexChainEvents.Progress catchUp(ChainIndexer indexer, MemoryLedger ledger) {
        return new IndexChainEvents(indexer, ledger).catchUp();
    }

    // ---- cases ---------------------------------------------------------------------------------

    @Test
    void indexesExactlyWhatABruteForceScanOfEveryBlockFinds() {
        play(40, 1);
        var ledger = new MemoryLedger();

        var progress = catchUp(indexer(settings(List.of(anvil.rpcUrl()), 0, 25, 3, false)), ledger);

        long head = anvil.blockNumber();
        assertThat(progress.caughtUp()).isTrue();
        assertThat(ledger.cursors()).containsValues(head).allSatisfy((source, block) -> assertThat(block).isEqualTo(head));
        List<ChainEvent> expected = bruteForce(head);
        assertThat(expected).hasSizeGreaterThan(60)
                .anyMatch(e -> e instanceof ChainEvent.Burn)
                .anyMatch(e -> e instanceof ChainEvent.Claim);
        assertThat(ledger.events()).containsExactlyElementsOf(expected);
        // and the token agrees: every wallet's balance is what it claimed minus what it burned
        Map<String, BigInteger> held = new HashMap<>();
        for (ChainEvent e : ledger.events()) {
            BigInteger amount = e.amount().value();
            held.merge(e.wallet().value(), e instanceof ChainEvent.Burn ? amount.negate() : amount, BigInteger::add);
        }
        held.forEach((wallet, amount) -> assertThat(chain.balanceOf(wallet)).as(wallet).isEqualTo(amount));
        // PoL credits the recipient `to`, never the earning account
        List<String> accounts = java.util.stream.IntStream.range(0, WALLETS).mapToObj(Scenario::account).toList();
        assertThat(ledger.events()).noneMatch(e -> accounts.contains(e.wallet().value()));
    }

    @Test
    void stopsAtHeadMinusConfirmations_orAtTheFinalizedBlock() throws Exception {
        play(40, 2); // well past anvil's finalized depth
        long head = anvil.blockNumber();

        var confirmed = new MemoryLedger();
        catchUp(indexer(settings(List.of(anvil.rpcUrl()), 5, 1000, 2, false)), confirmed);
        var finalized = new MemoryLedger();
        catchUp(indexer(settings(List.of(anvil.rpcUrl()), 5, 1000, 2, true)), finalized);

        assertThat(confirmed.cursor()).hasValue(head - 5);
        assertThat(confirmed.events()).containsExactlyElementsOf(bruteForce(head - 5));
        long finalizedBlock = anvil.web3j().ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send()
                .getBlock().getNumber().longValueExact();
        assertThat(finalizedBlock).isPositive().isLessThan(head - 5);
        assertThat(finalized.cursor()).hasValue(finalizedBlock);
        assertThat(finalized.events()).isNotEmpty().containsExactlyElementsOf(bruteForce(finalizedBlock));
        assertThat(finalized.events()).hasSizeLessThan(confirmed.events().size());
    }

    @Test
    void fallsBackToConfirmations_whenTheEndpointHasNoFinalizedTag() throws Exception {
        var proxy = proxy();
        proxy.noFinalizedTag();
        play(8, 17);
        long head = anvil.blockNumber();
        var ledger = new MemoryLedger();

        catchUp(indexer(settings(List.of(proxy.url()), 3, 1000, 2, true)), ledger);

        assertThat(ledger.cursor()).hasValue(head - 3);
        assertThat(proxy.calls("eth_getBlockByNumber")).isNotEmpty();
        assertThat(registry.find("sietch.rpc.errors").counters()).isEmpty(); // an answer, not a failure
    }

    @Test
    void aSecondSyncReadsOnlyTheNewBlocks() throws Exception {
        var proxy = proxy();
        var indexer = indexer(settings(List.of(proxy.url()), 0, 100, 2, false));
        var ledger = new MemoryLedger();
        play(15, 3);
        catchUp(indexer, ledger);
        long cursor = ledger.cursor().orElseThrow();

        proxy.clear();
        play(3, 4);
        catchUp(indexer, ledger);
        List<FaultProxy.Call> second = proxy.calls();
        proxy.clear();
        catchUp(indexer, ledger);
        List<FaultProxy.Call> third = proxy.calls();

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        // the head, one range for each event kind (PoL, legacy, burns) from the cursor on; headers: the
        // reorganisation check, the batch end, and the recent blocks the logs came from
        assertThat(second).filteredOn(c -> c.method().equals("eth_blockNumber")).hasSize(1);
        assertThat(second).filteredOn(c -> c.method().equals("eth_getLogs")).hasSize(3)
                .allSatisfy(c -> assertThat(c.fromBlock()).isEqualTo(cursor + 1));
        assertThat(second).filteredOn(c -> c.method().equals("eth_getBlockByNumber")).hasSizeBetween(2,
                2 + dev.sietch.chain.internal.LogIndexer.VERIFY_DEPTH);
        assertThat(second).hasSizeLessThanOrEqualTo(6 + dev.sietch.chain.internal.LogIndexer.VERIFY_DEPTH);
        // nothing new: the check and the head only
        assertThat(third).extracting(FaultProxy.Call::method).containsExactly("eth_getBlockByNumber", "eth_blockNumber");
    }

    @Test
    void resumesFromItsCursorAfterAnInterruptedSync() throws Exception {
        var proxy = proxy();
        var ledger = new MemoryLedger();
        play(25, 5);
        proxy.failAfter(12);

        assertThatThrownBy(() -> catchUp(indexer(settings(List.of(proxy.url()), 0, 8, 1, false)), ledger))
                .isInstanceOf(ChainUnavailableException.class);
        long reached = ledger.cursor().orElseThrow();
        assertThat(reached).isPositive().isLessThan(anvil.blockNumber());

        // a new indexer (as after a restart) carries on where the ledger stands
        proxy.failAfter(Integer.MAX_VALUE);
        proxy.clear();
        catchUp(indexer(settings(List.of(proxy.url()), 0, 8, 1, false)), ledger);

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        assertThat(proxy.calls("eth_getLogs")).allSatisfy(c -> assertThat(c.fromBlock()).isGreaterThan(reached));
    }

    @Test
    void rewindsAfterAReorganisation_toTheSameLedgerAsAFreshIndex() {
        play(10, 6);
        String fork = anvil.snapshot();
        play(10, 7);
        var ledger = new MemoryLedger();
        var indexer = indexer(settings(List.of(anvil.rpcUrl()), 0, 30, 2, false));
        catchUp(indexer, ledger);
        List<ChainEvent> before = ledger.events();

        // the chain since the snapshot is replaced by a longer, different one
        anvil.revert(fork);
        play(14, 8);
        anvil.mine(30);
        var progress = catchUp(indexer, ledger);

        List<ChainEvent> expected = bruteForce(anvil.blockNumber());
        assertThat(progress.rewinds()).isEqualTo(1);
        assertThat(ledger.events()).isNotEqualTo(before).containsExactlyElementsOf(expected);
        var fresh = new MemoryLedger();
        catchUp(indexer(settings(List.of(anvil.rpcUrl()), 0, 30, 2, false)), fresh);
        assertThat(ledger.events()).containsExactlyElementsOf(fresh.events());
        assertThat(registry.get("sietch.chain.reorgs").counter().count()).isEqualTo(1);
    }

    @Test
    void waitsForAnEndpointThatIsBehind_ratherThanTakingItForAReorganisation() {
        play(6, 18);
        String fork = anvil.snapshot();
        play(6, 19);
        var ledger = new MemoryLedger();
        var indexer = indexer(settings(List.of(anvil.rpcUrl()), 0, 30, 2, false));
        catchUp(indexer, ledger);
        List<ChainEvent> before = ledger.events();

        // the node now lacks the newest recorded block (as a lagging or resyncing node would)
        anvil.revert(fork);
        assertThatThrownBy(() -> catchUp(indexer, ledger))
                .isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("does not have block");
        assertThat(ledger.events()).isEqualTo(before);
        assertThat(ledger.rewinds).isZero();

        // once it has a block there again, a different one, it is a reorganisation
        play(10, 20);
        anvil.mine(30);
        catchUp(indexer, ledger);
        assertThat(ledger.rewinds).isEqualTo(1);
        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
    }

    @Test
    void rewindsAfterAnvilReorg() {
        play(12, 9);
        var ledger = new MemoryLedger();
        var indexer = indexer(settings(List.of(anvil.rpcUrl()), 0, 30, 2, false));
        catchUp(indexer, ledger);

        anvil.reorg(6);
        play(2, 10);
        var progress = catchUp(indexer, ledger);

        assertThat(progress.rewinds()).isEqualTo(1);
        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
    }

    @ParameterizedTest
    @EnumSource(value = FaultProxy.Mode.class, names = {"HTTP_500", "STALL", "RATE_LIMIT"})
    void failsOverFromABrokenPrimaryEndpoint(FaultProxy.Mode mode) throws Exception {
        var primary = proxy();
        var secondary = proxy();
        primary.mode(mode);
        primary.stall(Duration.ofSeconds(3));
        primary.retryAfterSeconds(30);
        play(15, 11);
        var indexer = indexer(settings(List.of(primary.url(), secondary.url()), 0, 20, 2, false));
        var ledger = new MemoryLedger();

        catchUp(indexer, ledger);
        play(3, 12);
        catchUp(indexer, ledger);

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        EndpointHealth first = indexer.endpoints().getFirst();
        assertThat(first.endpoint()).doesNotContain("SECRET").startsWith("http://127.0.0.1:");
        assertThat(first.failures()).isPositive();
        assertThat(first.lastError()).doesNotContain("SECRET");
        assertThat(indexer.endpoints().get(1).failures()).isZero();
        assertThat(secondary.calls("eth_getLogs")).isNotEmpty();
        String kind = switch (mode) {
            case HTTP_500 -> "http_5xx";
            case STALL -> "timeout";
            default -> "rate_limited";
        };
        assertThat(registry.get("sietch.rpc.errors").tag("endpoint", first.endpoint()).tag("kind", kind).counter().count())
                .isPositive();
        assertThat(registry.get("sietch.rpc.requests").tag("endpoint", indexer.endpoints().get(1).endpoint()).timers())
                .isNotEmpty();
    }

    @Test
    void honoursRetryAfter_whenTheOnlyEndpointIsRateLimited() throws Exception {
        var proxy = proxy();
        proxy.retryAfterSeconds(1);
        proxy.rateLimitFirst(2);
        play(5, 16);
        var ledger = new MemoryLedger();

        catchUp(indexer(settings(List.of(proxy.url()), 0, 50, 2, false)), ledger);

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        List<FaultProxy.Call> calls = proxy.calls();
        // each answer "429, Retry-After: 1" is followed by a second of silence
        for (int i = 1; i <= 2; i++) {
            assertThat(calls.get(i).atNanos() - calls.get(i - 1).atNanos()).as("gap after 429 #" + i)
                    .isGreaterThan(990_000_000L);
        }
        assertThat(registry.get("sietch.rpc.errors").tag("kind", "rate_limited").counter().count()).isEqualTo(2);
    }

    @Test
    void reportsTheChainUnavailable_whenEveryEndpointFails_withoutShowingTheirKeys() throws Exception {
        var a = proxy();
        var b = proxy();
        a.mode(FaultProxy.Mode.HTTP_500);
        b.mode(FaultProxy.Mode.HTTP_500);

        assertThatThrownBy(() -> catchUp(indexer(settings(List.of(a.url(), b.url()), 0, 20, 2, false)), new MemoryLedger()))
                .isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("all 2 RPC endpoint(s) failed 3 round(s)")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void splitsRangesAnEndpointRefuses_andGrowsBackAfterSuccesses() throws Exception {
        var proxy = proxy();
        proxy.maxRange(16);
        play(30, 13);
        var ledger = new MemoryLedger();

        catchUp(indexer(settings(List.of(proxy.url()), 0, 1_000, 2, false)), ledger);

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        List<FaultProxy.Call> logs = proxy.calls("eth_getLogs");
        assertThat(logs).anyMatch(c -> c.toBlock() - c.fromBlock() + 1 > 16); // refused, then split
        assertThat(registry.get("sietch.chain.range.splits").counter().count()).isPositive();
        assertThat(registry.get("sietch.chain.range.width").gauge().value()).isLessThanOrEqualTo(32);
    }

    @Test
    void splitsRangesThatTimeOut() throws Exception {
        var proxy = proxy();
        proxy.stall(Duration.ofSeconds(2));
        proxy.stallRangesOver(40); // wider ranges never answer within the 800 ms timeout
        play(15, 21);
        var ledger = new MemoryLedger();

        catchUp(indexer(settings(List.of(proxy.url()), 0, 1_000, 3, false)), ledger);

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        assertThat(proxy.calls("eth_getLogs")).anyMatch(c -> c.toBlock() - c.fromBlock() + 1 > 40);
        assertThat(registry.get("sietch.rpc.errors").tag("kind", "timeout").counter().count()).isPositive();
        assertThat(registry.get("sietch.chain.range.splits").counter().count()).isPositive();
    }

    @Test
    void indexesASourceAddedLater_fromItsOwnStartBlock() {
        play(10, 14);
        long added = anvil.blockNumber();
        var ledger = new MemoryLedger();
        ChainSettings all = settings(List.of(anvil.rpcUrl()), 0, 40, 2, false);
        List<VaultSource> withoutLegacy = all.vaults().subList(0, all.vaults().size() - 1);
        catchUp(indexer(new ChainSettings(all.rpcUrls(), all.bgtAddress(), 0, withoutLegacy, all.scan(), all.retry(),
                Optional.empty())), ledger);
        assertThat(bruteForce(added)).anyMatch(e -> e instanceof ChainEvent.Claim c && isLegacy(c));
        assertThat(ledger.events()).noneMatch(e -> e instanceof ChainEvent.Claim c && isLegacy(c));

        play(5, 15);
        catchUp(indexer(all), ledger);

        assertThat(ledger.events()).containsExactlyElementsOf(bruteForce(anvil.blockNumber()));
        assertThat(ledger.cursors()).hasSize(all.vaults().size() + 1);
        assertThat(added).isPositive();
    }

    private boolean isLegacy(ChainEvent.Claim claim) {
        return bruteForce(anvil.blockNumber()).stream().anyMatch(e -> e.equals(claim))
                && BruteForceScan.of(chain).scan(claim.id().blockNumber(), claim.id().blockNumber()).stream()
                        .anyMatch(l -> l.kind() == BruteForceScan.Kind.LEGACY_CLAIM && l.txHash().equals(claim.id().txHash()));
    }
}
