package dev.sietch.store.internal;

import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.WalletHolding;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EventLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * The event ledger: chain_event, wallet_total (maintained with each batch and each rewind), the
 * per-source ledger_cursor and the recent block hashes in chain_block.
 */
public final class SqliteEventLedger implements EventLedger {

    /** wallet_total's columns in the order {@link #totalRow} reads them. */
    static final String TOTAL_COLUMNS = "wallet, claimed, burned, first_claim_block, first_claim_log, first_claim_tx, events";

    private static final int IN_LIST_CHUNK = 500;

    private final Database db;
    private final Clock clock;

    public SqliteEventLedger(Database db, Clock clock) {
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
    public List<BlockRef> recentBlocks() {
        return db.read(SqliteEventLedger::recentBlocks);
    }

    private static List<BlockRef> recentBlocks(Handle handle) {
        return handle.createQuery("SELECT block_number, block_hash FROM chain_block ORDER BY block_number DESC LIMIT "
                        + RECENT_BLOCKS)
                .map((rs, ctx) -> new BlockRef(rs.getLong(1), rs.getString(2)))
                .list();
    }

    @Override
    public Position position() {
        return db.read(handle -> new Position(cursors(handle), recentBlocks(handle)));
    }

    @Override
    public int append(List<ChainEvent> events, Map<String, Long> cursors, List<BlockRef> blocks) {
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
            addToTotals(handle, fresh);
            var upsert = handle.prepareBatch("""
                    INSERT INTO ledger_cursor (source, block_number, updated_at) VALUES (:source, :block, :at)
                    ON CONFLICT (source) DO UPDATE SET block_number = excluded.block_number, updated_at = excluded.updated_at""");
            String at = Timestamps.format(clock.instant());
            cursors.forEach((source, block) -> upsert.bind("source", source).bind("block", block).bind("at", at).add());
            if (!cursors.isEmpty()) {
                upsert.execute();
            }
            recordBlocks(handle, blocks);
            return fresh.size();
        });
    }

    @Override
    public Rewound rewind(long block) {
        if (block < -1) {
            throw new IllegalArgumentException("cannot rewind to block " + block);
        }
        return db.write(handle -> {
            List<ChainEvent> removed = handle.createQuery("""
                    SELECT tx_hash, log_index, block_number, kind, wallet, amount FROM chain_event
                    WHERE block_number > :block""")
                    .bind("block", block)
                    .map((rs, ctx) -> event(rs))
                    .list();
            handle.createUpdate("DELETE FROM chain_event WHERE block_number > :block").bind("block", block).execute();
            int wallets = subtractFromTotals(handle, removed);
            if (block >= 0) {
                handle.createUpdate("UPDATE ledger_cursor SET block_number = :block, updated_at = :at WHERE block_number > :block")
                        .bind("block", block)
                        .bind("at", Timestamps.format(clock.instant()))
                        .execute();
            } else {
                handle.createUpdate("DELETE FROM ledger_cursor").execute();
            }
            handle.createUpdate("DELETE FROM chain_block WHERE block_number > :block").bind("block", block).execute();
            return new Rewound(block, removed.size(), wallets);
        });
    }

    private static List<ChainEvent> insertNew(Handle handle, List<ChainEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        var batch = handle.prepareBatch("""
                INSERT INTO chain_event (tx_hash, log_index, block_number, kind, wallet, amount)
                VALUES (:tx, :log, :block, :kind, :wallet, :amount)
                ON CONFLICT (tx_hash, log_index) DO NOTHING""");
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

    private static ChainEvent event(ResultSet rs) throws SQLException {
        var id = new ChainEvent.EventId(rs.getLong(3), rs.getString(1), rs.getInt(2));
        var wallet = new WalletAddress(rs.getString(5));
        Wei amount = Wei.parse(rs.getString(6));
        return "claim".equals(rs.getString(4)) ? new ChainEvent.Claim(id, wallet, amount)
                : new ChainEvent.Burn(id, wallet, amount);
    }

    /** Adds the new events to their wallets' totals (read the affected rows, add, upsert). */
    private static void addToTotals(Handle handle, List<ChainEvent> fresh) {
        Map<String, Total> totals = new LinkedHashMap<>();
        for (ChainEvent event : fresh) {
            totals.computeIfAbsent(event.wallet().value(), w -> new Total(holdingOf(event).wallet())).add(event);
        }
        if (totals.isEmpty()) {
            return;
        }
        totalRows(handle, totals.keySet()).forEach((wallet, row) -> totals.get(wallet).add(row));
        var upsert = handle.prepareBatch("""
                INSERT INTO wallet_total (wallet, claimed, burned, first_claim_block, first_claim_log, first_claim_tx, events)
                VALUES (:wallet, :claimed, :burned, :block, :log, :tx, :events)
                ON CONFLICT (wallet) DO UPDATE SET claimed = excluded.claimed, burned = excluded.burned,
                    first_claim_block = excluded.first_claim_block, first_claim_log = excluded.first_claim_log,
                    first_claim_tx = excluded.first_claim_tx, events = excluded.events""");
        for (Total total : totals.values()) {
            Optional<ChainEvent.EventId> first = total.holding.firstClaim();
            upsert.bind("wallet", total.holding.wallet().value())
                    .bind("claimed", total.holding.claimed().toSortableString())
                    .bind("burned", total.holding.burned().toSortableString())
                    .bind("block", first.map(ChainEvent.EventId::blockNumber).orElse(null))
                    .bind("log", first.map(ChainEvent.EventId::logIndex).orElse(null))
                    .bind("tx", first.map(ChainEvent.EventId::txHash).orElse(null))
                    .bind("events", total.events)
                    .add();
        }
        upsert.execute();
    }

    /**
     * Takes removed events off their wallets' totals. Every removed event is newer than every kept
     * one, so a wallet whose first claim was removed has no claim left; a total whose last event
     * went is deleted, as a fresh index would never have written it.
     *
     * @return the number of wallets affected
     */
    private static int subtractFromTotals(Handle handle, List<ChainEvent> removed) {
        Map<String, Total> deltas = new LinkedHashMap<>();
        for (ChainEvent event : removed) {
            deltas.computeIfAbsent(event.wallet().value(), w -> new Total(event.wallet())).add(event);
        }
        Map<String, Rows.TotalRow> rows = totalRows(handle, deltas.keySet());
        var update = handle.prepareBatch("""
                UPDATE wallet_total SET claimed = :claimed, burned = :burned, events = :events,
                    first_claim_block = :block, first_claim_log = :log, first_claim_tx = :tx
                WHERE wallet = :wallet""");
        var delete = handle.prepareBatch("DELETE FROM wallet_total WHERE wallet = :wallet");
        int updates = 0;
        int deletes = 0;
        for (var entry : deltas.entrySet()) {
            Rows.TotalRow row = rows.get(entry.getKey());
            if (row == null) {
                throw new IllegalStateException("no wallet total for a recorded event of " + entry.getKey());
            }
            Total delta = entry.getValue();
            long events = row.events() - delta.events;
            if (events <= 0) {
                delete.bind("wallet", row.wallet()).add();
                deletes++;
                continue;
            }
            WalletHolding kept = holding(row);
            // the removed events are a subset of the wallet's, so its first claim went if it is among them
            boolean firstClaimRemoved = kept.firstClaim().isPresent()
                    && kept.firstClaim().equals(delta.holding.firstClaim());
            update.bind("wallet", row.wallet())
                    .bind("claimed", kept.claimed().minus(delta.holding.claimed()).toSortableString())
                    .bind("burned", kept.burned().minus(delta.holding.burned()).toSortableString())
                    .bind("events", events)
                    .bind("block", firstClaimRemoved ? null : row.firstClaimBlock())
                    .bind("log", firstClaimRemoved ? null : row.firstClaimLog())
                    .bind("tx", firstClaimRemoved ? null : row.firstClaimTx())
                    .add();
            updates++;
        }
        if (updates > 0) {
            update.execute();
        }
        if (deletes > 0) {
            delete.execute();
        }
        return deltas.size();
    }

    /** A wallet's running total over some events, with how many events it sums. */
    private static final class Total {
        WalletHolding holding;
        long events;

        Total(WalletAddress wallet) {
            holding = new WalletHolding(wallet, Wei.ZERO, Wei.ZERO, Optional.empty());
        }

        void add(ChainEvent event) {
            holding = sum(holding, holdingOf(event));
            events++;
        }

        void add(Rows.TotalRow row) {
            holding = sum(holding, holding(row));
            events += row.events();
        }
    }

    private static Map<String, Rows.TotalRow> totalRows(Handle handle, java.util.Collection<String> walletSet) {
        List<String> wallets = new ArrayList<>(walletSet);
        Map<String, Rows.TotalRow> rows = new HashMap<>();
        for (int from = 0; from < wallets.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = wallets.subList(from, Math.min(wallets.size(), from + IN_LIST_CHUNK));
            handle.createQuery("SELECT " + TOTAL_COLUMNS + " FROM wallet_total WHERE wallet IN (<wallets>)")
                    .bindList("wallets", chunk)
                    .map((rs, ctx) -> totalRow(rs))
                    .forEach(row -> rows.put(row.wallet(), row));
        }
        return rows;
    }

    private static void recordBlocks(Handle handle, List<BlockRef> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        var insert = handle.prepareBatch("""
                INSERT INTO chain_block (block_number, block_hash) VALUES (:number, :hash)
                ON CONFLICT (block_number) DO UPDATE SET block_hash = excluded.block_hash""");
        blocks.forEach(block -> insert.bind("number", block.number()).bind("hash", block.hash()).add());
        insert.execute();
        handle.createUpdate("""
                DELETE FROM chain_block WHERE block_number <
                    (SELECT block_number FROM chain_block ORDER BY block_number DESC LIMIT 1 OFFSET :keep)""")
                .bind("keep", RECENT_BLOCKS - 1)
                .execute();
    }

    /** Maps a wallet_total row selected as {@link #TOTAL_COLUMNS}. */
    static Rows.TotalRow totalRow(ResultSet rs) throws SQLException {
        long block = rs.getLong(4);
        Long firstBlock = rs.wasNull() ? null : block;
        int log = rs.getInt(5);
        Integer firstLog = rs.wasNull() ? null : log;
        return new Rows.TotalRow(rs.getString(1), rs.getString(2), rs.getString(3), firstBlock, firstLog,
                rs.getString(6), rs.getLong(7));
    }

    static WalletHolding holding(Rows.TotalRow row) {
        Optional<ChainEvent.EventId> first = row.firstClaimBlock() == null
                ? Optional.empty()
                : Optional.of(new ChainEvent.EventId(row.firstClaimBlock(), row.firstClaimTx(), row.firstClaimLog()));
        return new WalletHolding(new WalletAddress(row.wallet()), Wei.parse(row.claimed()), Wei.parse(row.burned()),
                first);
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
