package dev.sietch.chain;

import dev.sietch.chain.testkit.Anvil;
import dev.sietch.chain.testkit.JdkHttpService;
import dev.sietch.chain.testkit.TestChain;
import dev.sietch.core.usecase.IndexChainEvents;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * Indexer benchmark on a real anvil node: BLOCKS blocks (default 200,000) holding CLAIMS claims
 * (default 50,000) paid by 10 PoL vaults and BURNS burns (default 1,000). It times, in the same
 * run, a baseline scan (for each vault and then for the burns: sequential 10,000-block
 * eth_getLogs windows from block 0) and Sietch's indexer from an empty ledger, three times each
 * (median) — on loopback and through a proxy adding a fixed latency per request, as the round
 * trip to a hosted endpoint does ({@code -Dlatencies=0,50}, milliseconds) — then an incremental
 * sync after 1,000 new blocks, and prints RPC call counts.
 *
 * <p>Run with {@code sietch-chain/src/bench/indexer-benchmark.sh}; not a test.
 */
public final class IndexerBenchmark {

    private static final int VAULTS = 10;
    private static final int PER_TX = 100;

    public static void main(String[] args) throws Exception {
        long blocks = Long.getLong("blocks", 200_000);
        int claims = Integer.getInteger("claims", 50_000);
        int burns = Integer.getInteger("burns", 1_000);
        // cancun and --prune-history: anvil 1.7.1 otherwise slows down with every block mined (quadratic for 200k blocks)
        try (Anvil anvil = Anvil.start("--gas-limit", "100000000", "--hardfork", "cancun", "--prune-history")) {
            TestChain chain = TestChain.deploy(anvil, VAULTS);
            long started = System.nanoTime();
            generate(anvil, chain, blocks, claims, burns);
            long head = anvil.blockNumber();
            System.out.printf("chain: %,d blocks, %,d claims over %d vaults, %,d burns (generated in %.1f s)%n",
                    head, claims, VAULTS, burns, (System.nanoTime() - started) / 1e9);

            MemoryLedger ledger = null;
            for (String latencyText : System.getProperty("latencies", "0,50").split(",")) {
                long latency = Long.parseLong(latencyText.trim());
                try (var proxy = new FaultProxy(anvil.rpcUrl())) {
                    proxy.latency(Duration.ofMillis(latency));
                    URI url = latency == 0 ? anvil.rpcUrl() : proxy.url();
                    ledger = compare(url, chain, claims, burns, latency);
                }
            }

            long[] incremental = new long[3];
            long incrementalCalls = 0;
            var registry = new SimpleMeterRegistry();
            try (var indexer = ChainIndexer.connect(settings(anvil.rpcUrl(), chain), registry, Clock.systemUTC())) {
                new IndexChainEvents(indexer, ledger).catchUp();
                var random = new Random(99);
                for (int run = 0; run < 3; run++) {
                    anvil.mine(500);
                    payBatch(chain, chain.polVaults().get(run), random);
                    anvil.mine(499);
                    long before = calls(registry);
                    long t = System.nanoTime();
                    new IndexChainEvents(indexer, ledger).catchUp();
                    incremental[run] = System.nanoTime() - t;
                    incrementalCalls = calls(registry) - before;
                }
            }
            Arrays.sort(incremental);
            System.out.printf("incremental sync after 1,000 new blocks (%d claims): %.0f ms (median of 3), %d RPC calls%n",
                    PER_TX, incremental[1] / 1e6, incrementalCalls);
            long hold = Long.getLong("hold", 0);
            if (hold > 0) { // keep the node up for manual measurements
                System.out.printf("node at %s, BGT %s, vaults %s; holding %d s%n", anvil.rpcUrl(), chain.bgt(),
                        chain.polVaults(), hold);
                Thread.sleep(hold * 1000);
            }
        }
    }

    /** The baseline scan and Sietch's indexer, three times each, over one endpoint URL; the last ledger. */
    private static MemoryLedger compare(URI url, TestChain chain, int claims, int burns, long latency) throws Exception {
        long[] baseline = new long[3];
        long[] ours = new long[3];
        long baselineCalls = 0;
        long ourCalls = 0;
        MemoryLedger ledger = null;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            int[] found = new int[2];
            baselineCalls = predecessor(url, chain, found);
            baseline[run] = System.nanoTime() - t0;
            if (found[0] != claims || found[1] != burns) {
                throw new IllegalStateException("baseline found " + Arrays.toString(found));
            }
            var registry = new SimpleMeterRegistry();
            ledger = new MemoryLedger();
            try (var indexer = ChainIndexer.connect(settings(url, chain), registry, Clock.systemUTC())) {
                long t1 = System.nanoTime();
                new IndexChainEvents(indexer, ledger).catchUp();
                ours[run] = System.nanoTime() - t1;
            }
            ourCalls = calls(registry);
            if (ledger.events().size() != claims + burns) {
                throw new IllegalStateException("indexer found " + ledger.events().size());
            }
        }
        Arrays.sort(baseline);
        Arrays.sort(ours);
        String where = latency == 0 ? "loopback" : latency + " ms per request";
        System.out.printf("first sync (%s), predecessor algorithm: %.2f s (median of 3), %d RPC calls%n", where,
                baseline[1] / 1e9, baselineCalls);
        System.out.printf("first sync (%s), Sietch indexer:        %.2f s (median of 3), %d RPC calls -> %.1fx faster%n",
                where, ours[1] / 1e9, ourCalls, (double) baseline[1] / ours[1]);
        return ledger;
    }

    private static ChainSettings settings(URI url, TestChain chain) {
        List<VaultSource> vaults = chain.polVaults().stream().map(v -> new VaultSource(v, ClaimEvent.POL, 0)).toList();
        return new ChainSettings(List.of(url), Optional.of(chain.bgt()), 0, vaults,
                new ChainSettings.Scan(0, false, 10_000, 4), ChainSettings.Retry.DEFAULT, Optional.empty());
    }

    private static long calls(SimpleMeterRegistry registry) {
        return registry.find("sietch.rpc.requests").timers().stream().mapToLong(Timer::count).sum();
    }

    /** Claims in batches of PER_TX spread evenly over the blocks, burns of earlier recipients in between. */
    private static void generate(Anvil anvil, TestChain chain, long blocks, int claims, int burns) {
        var random = new Random(42);
        int txs = claims / PER_TX;
        long gap = Math.max(0, blocks / txs - 1);
        int burnsPerTx = Math.max(1, burns / txs);
        int burnt = 0;
        List<String> paid = new ArrayList<>();
        for (int tx = 0; tx < txs; tx++) {
            paid.addAll(payBatch(chain, chain.polVaults().get(tx % VAULTS), random));
            if (burnt < burns && tx % 2 == 1) {
                List<String> froms = new ArrayList<>();
                List<BigInteger> amounts = new ArrayList<>();
                for (int i = 0; i < 2 * burnsPerTx && burnt < burns; i++, burnt++) {
                    froms.add(paid.get(random.nextInt(paid.size()))); // holds ≥ 1 BGT, burns 1 wei
                    amounts.add(BigInteger.ONE);
                }
                chain.burnMany(froms, amounts);
            }
            if (gap > 0) {
                anvil.mine(gap);
            }
        }
        if (burnt != burns) {
            throw new IllegalStateException("generated " + burnt + " burns");
        }
    }

    private static List<String> payBatch(TestChain chain, String vault, Random random) {
        List<String> accounts = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        List<BigInteger> amounts = new ArrayList<>();
        for (int i = 0; i < PER_TX; i++) {
            String w = wallet(random.nextInt(5_000));
            accounts.add(w);
            tos.add(w);
            amounts.add(BigInteger.TEN.pow(18).add(BigInteger.valueOf(random.nextInt(1_000_000))));
        }
        chain.payRewards(vault, accounts, tos, amounts);
        return tos;
    }

    private static String wallet(int n) {
        return String.format("0x%040x", 0x1000 + n);
    }

    /**
     * The baseline scan: head fetched for the claims, then per vault 10,000-block windows
     * from block 0, one request at a time; the head fetched again for the burns, same windows.
     */
    private static long predecessor(URI url, TestChain chain, int[] found) throws Exception {
        long calls = 0;
        var service = new JdkHttpService(url, Duration.ofSeconds(30));
        try {
            long head = new Request<>("eth_blockNumber", List.of(), service, EthBlockNumber.class).send()
                    .getBlockNumber().longValueExact();
            calls++;
            for (String vault : chain.polVaults()) {
                for (long from = 0; from <= head; from += 10_000) {
                    found[0] += logs(service, vault, from, Math.min(from + 9_999, head), false);
                    calls++;
                }
            }
            head = new Request<>("eth_blockNumber", List.of(), service, EthBlockNumber.class).send()
                    .getBlockNumber().longValueExact();
            calls++;
            for (long from = 0; from <= head; from += 10_000) {
                found[1] += logs(service, chain.bgt(), from, Math.min(from + 9_999, head), true);
                calls++;
            }
        } finally {
            service.close();
        }
        return calls;
    }

    private static int logs(JdkHttpService service, String address, long from, long to, boolean burns) throws Exception {
        var filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), address);
        if (burns) {
            filter.addSingleTopic(TRANSFER);
            filter.addNullTopic();
            filter.addSingleTopic("0x" + "0".repeat(64));
        } else {
            filter.addSingleTopic(ClaimEvent.POL.topic());
        }
        EthLog response = new Request<>("eth_getLogs", List.of(filter), service, EthLog.class).send();
        if (response.hasError()) {
            throw new IllegalStateException(response.getError().getMessage());
        }
        return response.getLogs().size();
    }

    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
}
