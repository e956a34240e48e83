package dev.sietch.chain.internal;

import dev.sietch.core.port.ChainUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@code eth_getLogs} over a block range with an adaptive width: it starts at the configured
 * maximum, halves whenever an endpoint refuses (too wide, too many results, too slow), narrows in
 * proportion when a response carried more than {@value #TARGET_LOGS} logs, and doubles back after
 * a run of light successes. Safe for concurrent use; the width is shared.
 */
final class LogScanner {

    /** Successes in a row before the width doubles again. */
    static final int GROW_AFTER = 4;

    /**
     * Logs per response the width aims at: large responses are slow to build and parse everywhere
     * (and hosted endpoints refuse more than 10,000), so a range that returned more narrows the
     * width in proportion, before any endpoint has to refuse.
     */
    static final int TARGET_LOGS = 2_000;

    /** Splits because every endpoint timed out, along one range, before the chain counts as unavailable. */
    static final int MAX_TIMEOUT_SPLITS = 3;

    /** One filter: these contracts, these topics. */
    record Query(List<String> addresses, List<String> topic0, boolean burnsOnly) {}

    private final RpcClient rpc;
    private final int maxRange;
    private final Counter splits;
    private int window;
    private int successes;

    LogScanner(RpcClient rpc, int maxRange, MeterRegistry registry) {
        this.rpc = rpc;
        this.maxRange = maxRange;
        this.window = maxRange;
        this.splits = Counter.builder("sietch.chain.range.splits")
                .description("eth_getLogs ranges split because an endpoint refused them")
                .register(registry);
        Gauge.builder("sietch.chain.range.width", this, LogScanner::window)
                .description("The current eth_getLogs block range width")
                .register(registry);
    }

    synchronized int window() {
        return window;
    }

    /** Every log matching {@code query} in {@code [from, to]}, in chain order. */
    List<Log> fetch(long from, long to, Query query) {
        List<Log> out = new ArrayList<>();
        fetch(from, to, query, 0, out);
        return out;
    }

    private void fetch(long from, long to, Query query, int timeoutSplits, List<Log> out) {
        List<Log> logs;
        try {
            logs = getLogs(from, to, query);
        } catch (RangeRefusedException e) {
            if (from == to || e.timeout() && timeoutSplits >= MAX_TIMEOUT_SPLITS) {
                throw new ChainUnavailableException("eth_getLogs for blocks " + from + "–" + to + " refused: "
                        + e.getMessage());
            }
            narrow(to - from + 1);
            splits.increment();
            long mid = from + (to - from) / 2;
            int next = e.timeout() ? timeoutSplits + 1 : timeoutSplits;
            fetch(from, mid, query, next, out);
            fetch(mid + 1, to, query, next, out);
            return;
        }
        succeeded(to - from + 1, logs.size());
        out.addAll(logs);
    }

    private List<Log> getLogs(long from, long to, Query query) {
        var filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), query.addresses());
        filter.addOptionalTopics(query.topic0().toArray(String[]::new));
        if (query.burnsOnly()) {
            filter.addNullTopic();
            filter.addSingleTopic(LogDecoder.ZERO_TOPIC);
        }
        EthLog response = rpc.call("eth_getLogs", List.of(filter), EthLog.class);
        List<EthLog.LogResult> results = response.getLogs();
        List<Log> logs = new ArrayList<>(results == null ? 0 : results.size());
        if (results != null) {
            for (EthLog.LogResult<?> result : results) {
                if (result.get() instanceof Log log && !log.isRemoved()) {
                    logs.add(log);
                }
            }
        }
        return logs;
    }

    private synchronized void narrow(long refusedWidth) {
        long half = Math.max(1, refusedWidth / 2);
        window = (int) Math.max(1, Math.min(window, half));
        successes = 0;
    }

    private synchronized void succeeded(long width, int logs) {
        if (logs > TARGET_LOGS) {
            window = (int) Math.max(1, Math.min(window, width * TARGET_LOGS / logs));
            successes = 0;
            return;
        }
        if (logs * 2 <= TARGET_LOGS && window < maxRange && ++successes >= GROW_AFTER) {
            window = (int) Math.min(maxRange, (long) window * 2);
            successes = 0;
        }
    }
}
