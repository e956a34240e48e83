package dev.sietch.store.internal;

import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletHolding;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EventLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** The event ledger: chain_event, wallet_total (maintained with each batch) and the per-source ledger_cursor. */
public final class SqliteEventLedger implements EventLedger {

    private static final int IN_LIST_CHUNK = 500;

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteEventLedger(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> cursors() {
        return db.read(SqliteEventLedger::cursors);
    }

    static Map<String, Long> cursors(Handle handle) {
        Map<String, Long> cursors = new HashMap<>();
        handle.createQuery("SELECT source, block_number FROM ledger_cursor")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> cursors.put(entry.getKey(), entry.getValue()));
        return Map.copyOf(cursors);
    }

    /** The block every source has reached: the lowest cursor. */
    static OptionalLong cursor(Handle handle) {
        return cursors(handle).values().stream().mapToLong(Long::longValue).min();
    }

    @Override
    public int append(List<ChainEvent> events, Map<String, Long> cursors) {
        return db.write(handle -> {
            Map<String, Long> current = cursors(handle);
            cursors.forEach((source, block) -> {
                Long at = current.get(source);
                if (at != null && block < at) {
                    throw new IllegalArgumentException("source " + source + " is at block " + at
                            + "; a batch up to " + block + " would move it back");
                }
            });
            List<ChainEvent> fresh = insertNew(handle, events);
            updateTotals(handle, fresh);
            var upsert = handle.prepareBatch("""
                    INSERT INTO ledger_cursor (source, block_number, updated_at) VALUES (:source, :block, :at)
                    ON CONFLICT (source) DO UPDATE SET block_number = excluded.block_number, updated_at = excluded.updated_at""");
            String at = Timestamps.format(clock.instant());
            cursors.forEach((source, block) -> upsert.bind("source", source).bind("block", block).bind("at", at).add());
            if (!cursors.isEmpty()) {
                upsert.execute();
            }
            return fresh.size();
        });
    }

    private static List<ChainEvent> insertNew(Handle handle, List<ChainEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        var batch = handle.prepareBatch("""
                INSERT OR IGNORE INTO chain_event (tx_hash, log_index, block_number, kind, wallet, amount)
                VALUES (:tx, :log, :block, :kind, :wallet, :amount)""");
        for (ChainEvent event : events) {
            batch.bind("tx", event.id().txHash())
                    .bind("log", event.id().logIndex())
                    .bind("block", event.id().blockNumber())
                    .bind("kind", event instanceof ChainEvent.Claim ? "claim" : "burn")
                    .bind("wallet", event.wallet().value())
                    .bind("amount", event.amount().toString())
                    .add();
        }
        int[] counts = batch.execute();
        List<ChainEvent> fresh = new ArrayList<>(events.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                fresh.add(events.get(i));
            }
        }
        return fresh;
    }

    /** Adds the new events to their wallets' totals (read the affected rows, add, upsert). */
    private static void updateTotals(Handle handle, List<ChainEvent> fresh) {
        Map<String, WalletHolding> deltas = new LinkedHashMap<>();
        for (ChainEvent event : fresh) {
            deltas.merge(event.wallet().value(), holdingOf(event), SqliteEventLedger::sum);
        }
        if (deltas.isEmpty()) {
            return;
        }
        Map<String, WalletHolding> totals = new HashMap<>(deltas);
        List<String> wallets = new ArrayList<>(deltas.keySet());
        for (int from = 0; from < wallets.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = wallets.subList(from, Math.min(wallets.size(), from + IN_LIST_CHUNK));
            handle.createQuery("""
                    SELECT wallet, claimed, burned, first_claim_block, first_claim_log, first_claim_tx
                    FROM wallet_total WHERE wallet IN (<wallets>)""")
                    .bindList("wallets", chunk)
                    .map((rs, ctx) -> totalRow(rs))
                    .forEach(row -> totals.merge(row.wallet(), holding(row), SqliteEventLedger::sum));
        }
        var upsert = handle.prepareBatch("""
                INSERT INTO wallet_total (wallet, claimed, burned, first_claim_block, first_claim_log, first_claim_tx)
                VALUES (:wallet, :claimed, :burned, :block, :log, :tx)
                ON CONFLICT (wallet) DO UPDATE SET claimed = excluded.claimed, burned = excluded.burned,
                    first_claim_block = excluded.first_claim_block, first_claim_log = excluded.first_claim_log,
                    first_claim_tx = excluded.first_claim_tx""");
        for (WalletHolding total : totals.values()) {
            Optional<ChainEvent.EventId> first = total.firstClaim();
            upsert.bind("wallet", total.wallet().value())
                    .bind("claimed", total.claimed().toSortableString())
                    .bind("burned", total.burned().toSortableString())
                    .bind("block", first.map(ChainEvent.EventId::blockNumber).orElse(null))
                    .bind("log", first.map(ChainEvent.EventId::logIndex).orElse(null))
                    .bind("tx", first.map(ChainEvent.EventId::txHash).orElse(null))
                    .add();
        }
        upsert.execute();
    }

    /** Maps a wallet_total row (columns in table order). */
    static Rows.TotalRow totalRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        long block = rs.getLong(4);
        Long firstBlock = rs.wasNull() ? null : block;
        int log = rs.getInt(5);
        Integer firstLog = rs.wasNull() ? null : log;
        return new Rows.TotalRow(rs.getString(1), rs.getString(2), rs.getString(3), firstBlock, firstLog, rs.getString(6));
    }

    static WalletHolding holding(Rows.TotalRow row) {
        Optional<ChainEvent.EventId> first = row.firstClaimBlock() == null
                ? Optional.empty()
                : Optional.of(new ChainEvent.EventId(row.firstClaimBlock(), row.firstClaimTx(), row.firstClaimLog()));
        return new WalletHolding(new dev.sietch.core.model.WalletAddress(row.wallet()), Wei.parse(row.claimed()),
                Wei.parse(row.burned()), first);
    }

    private static WalletHolding holdingOf(ChainEvent event) {
        return switch (event) {
            case ChainEvent.Claim claim -> new WalletHolding(claim.wallet(), claim.amount(), Wei.ZERO,
                    Optional.of(claim.id()));
            case ChainEvent.Burn burn -> new WalletHolding(burn.wallet(), Wei.ZERO, burn.amount(), Optional.empty());
        };
    }

    private static WalletHolding sum(WalletHolding a, WalletHolding b) {
        Optional<ChainEvent.EventId> first = a.firstClaim().isEmpty() ? b.firstClaim()
                : b.firstClaim().isEmpty() ? a.firstClaim()
                : Optional.of(a.firstClaim().get().compareTo(b.firstClaim().get()) <= 0
                        ? a.firstClaim().get() : b.firstClaim().get());
        return new WalletHolding(a.wallet(), a.claimed().plus(b.claimed()), a.burned().plus(b.burned()), first);
    }
}
