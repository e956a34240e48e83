package dev.sietch.chain.internal;

import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.ClaimEvent;
import dev.sietch.chain.VaultSource;
import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EventLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The chain indexer's algorithm. Each catch-up is pinned to one target block (head − confirmations,
 * or the {@code finalized} block). Each step first checks that the newest block the ledger
 * recorded is still canonical — if not, it finds the newest recorded block that is and asks for a
 * rewind — then fetches up to {@code parallelRequests} consecutive ranges from the lowest source
 * cursor at once, and returns the contiguous prefix that arrived as one batch, with every event
 * and the cursors it completes.
 */
public final class LogIndexer implements ChainEventSource {

    private static final Logger log = LoggerFactory.getLogger(LogIndexer.class);

    /** A source of events: a vault's claims or the BGT burns. */
    private record Source(String name, Optional<ClaimEvent> claimEvent, String address, long startBlock) {

        long cursor(Map<String, Long> cursors) {
            return Math.max(cursors.getOrDefault(name, startBlock - 1), startBlock - 1);
        }
    }

    private final RpcClient rpc;
    private final ChainSettings.Scan scan;
    private final LogScanner scanner;
    private final ExecutorService executor;
    private final List<Source> sources;
    private final Counter reorgs;
    private final Counter skippedLogs;
    private final AtomicLong targetGauge = new AtomicLong(-1);
    private OptionalLong pinned = OptionalLong.empty();
    private boolean finalizedUnsupported;
    private int unsettledRetries;

    /** Batches in a row dropped because the chain moved while they were read, before giving up for now. */
    static final int MAX_UNSETTLED_RETRIES = 3;

    /** Log blocks this close to the batch end are checked against the chain before the batch is returned. */
    public static final int VERIFY_DEPTH = 16;

    public LogIndexer(RpcClient rpc, ChainSettings settings, ExecutorService executor, MeterRegistry registry) {
        this.rpc = rpc;
        this.scan = settings.scan();
        this.executor = executor;
        this.scanner = new LogScanner(rpc, scan.maxBlockRange(), registry);
        List<Source> list = new ArrayList<>();
        for (VaultSource vault : settings.vaults()) {
            list.add(new Source(vault.sourceName(), Optional.of(vault.event()), vault.address(), vault.startBlock()));
        }
        settings.bgtAddress().ifPresent(bgt -> list.add(
                new Source(settings.burnsSourceName().orElseThrow(), Optional.empty(), bgt, settings.burnsStartBlock())));
        if (list.isEmpty()) {
            throw new IllegalArgumentException("nothing to index: no vaults and no BGT address");
        }
        this.sources = List.copyOf(list);
        this.reorgs = Counter.builder("sietch.chain.reorgs")
                .description("Reorganisations detected (the ledger rewound to a common ancestor)")
                .register(registry);
        this.skippedLogs = Counter.builder("sietch.chain.logs.skipped")
                .description("Logs with a claim or burn topic that did not decode as one")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("sietch.chain.target.block", targetGauge, AtomicLong::get)
                .description("The block the current catch-up is heading for")
                .register(registry);
    }

    @Override
    public synchronized Step next(EventLedger.Position position) {
        try {
            return step(position);
        } catch (RuntimeException e) {
            pinned = OptionalLong.empty(); // the next sync starts from a fresh head
            throw e;
        }
    }

    private Step step(EventLedger.Position position) {
        Optional<Rewind> rewind = checkCanonical(position.recentBlocks());
        if (rewind.isPresent()) {
            pinned = OptionalLong.empty();
            reorgs.increment();
            log.warn("Chain reorganised: block {} is no longer canonical; rewinding the ledger to block {}",
                    rewind.get().stale().number(), rewind.get().toBlock());
            return rewind.get();
        }
        long target = pinned.isPresent() ? pinned.getAsLong() : target();
        pinned = OptionalLong.of(target);
        targetGauge.set(target);
        Map<String, Long> cursors = position.cursors();
        long from = sources.stream().mapToLong(s -> s.cursor(cursors)).min().orElseThrow() + 1;
        if (from > target) {
            pinned = OptionalLong.empty();
            return new Batch(List.of(), Map.of(), List.of(), true, OptionalLong.of(target));
        }
        return fetchBatch(from, target, cursors);
    }

    private Batch fetchBatch(long from, long target, Map<String, Long> cursors) {
        int width = scanner.window();
        List<long[]> ranges = new ArrayList<>();
        for (long start = from; start <= target && ranges.size() < scan.parallelRequests(); start += width) {
            ranges.add(new long[] {start, Math.min(target, start + width - 1)});
        }
        List<List<Future<List<Log>>>> futures = new ArrayList<>();
        for (long[] range : ranges) {
            List<Future<List<Log>>> perRange = new ArrayList<>();
            for (LogScanner.Query query : queries(range[1], cursors)) {
                perRange.add(executor.submit(() -> scanner.fetch(range[0], range[1], query)));
            }
            futures.add(perRange);
        }
        List<Log> logs = new ArrayList<>();
        long to = from - 1;
        RuntimeException failure = null;
        for (int i = 0; i < ranges.size(); i++) {
            try {
                List<Log> rangeLogs = new ArrayList<>();
                for (Future<List<Log>> future : futures.get(i)) {
                    rangeLogs.addAll(get(future));
                }
                if (failure == null) {
                    logs.addAll(rangeLogs);
                    to = ranges.get(i)[1];
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (to < from) {
            throw failure;
        }
        if (failure != null) {
            log.warn("Blocks after {} could not be read yet ({}); committing what arrived", to, failure.getMessage());
        }
        long last = to;
        BlockRef end = header(last).orElseThrow(() -> new ChainUnavailableException(
                "the endpoint has no block " + last + " although its head is past it"));
        List<BlockRef> refs = new ArrayList<>();
        refs.add(end);
        Map<Long, String> seen = new HashMap<>();
        for (Log l : logs) {
            long block = l.getBlockNumber().longValueExact();
            String hash = l.getBlockHash().toLowerCase(Locale.ROOT);
            if (block > to - EventLedger.RECENT_BLOCKS && block != to && seen.put(block, hash) == null) {
                refs.add(new BlockRef(block, hash));
            }
        }
        // the logs must come from the chain the batch ends on: the end block's own logs against its
        // header, recent log blocks against theirs (ranges are read at different moments, maybe from
        // different endpoints)
        boolean settled = logs.stream().filter(l -> l.getBlockNumber().longValueExact() == last)
                .allMatch(l -> l.getBlockHash().equalsIgnoreCase(end.hash()))
                && refs.stream().filter(r -> r.number() != last && r.number() > last - VERIFY_DEPTH).allMatch(this::canonical);
        if (!settled) {
            if (++unsettledRetries > MAX_UNSETTLED_RETRIES) {
                unsettledRetries = 0;
                throw new ChainUnavailableException("the chain kept changing while blocks up to " + last
                        + " were read; trying again at the next sync");
            }
            log.info("Blocks up to {} changed while they were being read; reading them again", last);
            return new Batch(List.of(), Map.of(), List.of(), false, OptionalLong.of(target));
        }
        unsettledRetries = 0;
        List<ChainEvent> events = decode(logs, cursors);
        Map<String, Long> moved = new LinkedHashMap<>();
        for (Source source : sources) {
            if (source.cursor(cursors) < to) {
                moved.put(source.name(), to);
            }
        }
        boolean caughtUp = to == target;
        if (caughtUp) {
            pinned = OptionalLong.empty();
        }
        return new Batch(events, moved, refs, caughtUp, OptionalLong.of(target));
    }

    /** The filters for a range ending at {@code rangeEnd}: the sources that still need it, grouped by event. */
    private List<LogScanner.Query> queries(long rangeEnd, Map<String, Long> cursors) {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        List<LogScanner.Query> queries = new ArrayList<>();
        for (Source source : sources) {
            if (source.cursor(cursors) >= rangeEnd) {
                continue;
            }
            if (source.claimEvent().isPresent()) {
                byTopic.computeIfAbsent(source.claimEvent().get().topic(), t -> new ArrayList<>()).add(source.address());
            } else {
                queries.add(new LogScanner.Query(List.of(source.address()), List.of(LogDecoder.TRANSFER_TOPIC), true));
            }
        }
        byTopic.forEach((topic, addresses) -> queries.add(new LogScanner.Query(addresses, List.of(topic), false)));
        return queries;
    }

    private List<ChainEvent> decode(List<Log> logs, Map<String, Long> cursors) {
        Map<String, Source> byAddress = new HashMap<>();
        sources.forEach(s -> byAddress.put(s.address(), s));
        List<ChainEvent> events = new ArrayList<>(logs.size());
        for (Log l : logs) {
            Source source = byAddress.get(l.getAddress().toLowerCase(Locale.ROOT));
            long block = l.getBlockNumber().longValueExact();
            if (source == null || block <= source.cursor(cursors)) {
                continue; // another source's range, or already recorded
            }
            Optional<ChainEvent> event = source.claimEvent().isPresent()
                    ? LogDecoder.claim(source.claimEvent().get(), l)
                    : LogDecoder.burn(l);
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                skippedLogs.increment();
                log.warn("Skipped a log of {} in block {} that does not decode as its event", source.name(), block);
            }
        }
        events.sort((a, b) -> a.id().compareTo(b.id()));
        return events;
    }

    /** Head − confirmations, or the finalized block where asked for and supported. */
    private long target() {
        if (scan.finalizedTag() && !finalizedUnsupported) {
            EthBlock finalized = rpc.callAnswering("eth_getBlockByNumber",
                    List.of(DefaultBlockParameterName.FINALIZED.getValue(), false), EthBlock.class);
            if (!finalized.hasError() && finalized.getBlock() != null) {
                return finalized.getBlock().getNumber().longValueExact();
            }
            String why = finalized.hasError() ? String.valueOf(finalized.getError().getMessage()) : "no such block";
            if (finalized.hasError() && refusesTag(finalized.getError())) {
                finalizedUnsupported = true; // the endpoint does not know the tag: stop asking
                log.warn("The endpoint does not support the finalized block tag ({}); using head − {} confirmations",
                        why, scan.confirmations());
            } else {
                log.warn("No finalized block this time ({}); using head − {} confirmations", why, scan.confirmations());
            }
        }
        BigInteger head = rpc.call("eth_blockNumber", List.of(), EthBlockNumber.class).getBlockNumber();
        return head.longValueExact() - scan.confirmations();
    }

    /** Whether an error says the block tag itself is not understood (not a passing failure). */
    private static boolean refusesTag(org.web3j.protocol.core.Response.Error error) {
        String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        return error.getCode() == -32602 || error.getCode() == -32601 || message.contains("finalized")
                || message.contains("block tag") || message.contains("unknown block");
    }

    private Optional<BlockRef> header(long number) {
        EthBlock response = rpc.call("eth_getBlockByNumber",
                List.of(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)).getValue(), false), EthBlock.class);
        EthBlock.Block block = response.getBlock();
        return block == null ? Optional.empty() : Optional.of(new BlockRef(number, block.getHash()));
    }

    /**
     * Whether the chain still has this block. Only a different hash says no: an endpoint that does
     * not have the block at all is behind (or syncing), which is no evidence of a reorganisation.
     *
     * @throws ChainUnavailableException if the endpoint does not have the block
     */
    private boolean canonical(BlockRef ref) {
        return header(ref.number()).orElseThrow(() -> new ChainUnavailableException("the endpoint does not have block "
                + ref.number() + " (behind or still syncing); trying again at the next sync")).equals(ref);
    }

    /**
     * Empty if the newest recorded block is still canonical; otherwise the rewind to the newest
     * recorded block that is (found by galloping then bisecting: every block after a canonical one
     * may be stale, every block before it is canonical), or to the very start if none is.
     */
    private Optional<Rewind> checkCanonical(List<BlockRef> recent) {
        if (recent.isEmpty() || canonical(recent.getFirst())) {
            return Optional.empty();
        }
        int stale = 0;
        int good = -1;
        for (int i = 1; i < recent.size(); i = Math.min(recent.size() - 1, i * 2)) {
            if (canonical(recent.get(i))) {
                good = i;
                break;
            }
            stale = i;
            if (i == recent.size() - 1) {
                break;
            }
        }
        if (good < 0) {
            log.error("None of the {} recorded blocks is canonical any more; indexing again from the start",
                    recent.size());
            return Optional.of(new Rewind(-1, recent.getFirst()));
        }
        while (good - stale > 1) {
            int mid = (good + stale) >>> 1;
            if (canonical(recent.get(mid))) {
                good = mid;
            } else {
                stale = mid;
            }
        }
        return Optional.of(new Rewind(recent.get(good).number(), recent.get(stale)));
    }

    private static List<Log> get(Future<List<Log>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while reading logs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ChainUnavailableException("reading logs failed: " + e.getCause(), e.getCause());
        }
    }
}
