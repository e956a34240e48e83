package dev.sietch.store.internal.wallets;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** wallet_link. */
public final class SqliteWalletLinks implements WalletLinks {

    private final Database db;

    public SqliteWalletLinks(Database db) {
        this.db = db;
    }

    @Override
    public void link(DiscordUserId discordUserId, WalletAddress wallet, Instant at) {
        db.write(h -> h.attach(WalletLinkDao.class).link(discordUserId.wire(), wallet.value(), Timestamps.format(at)));
    }

    @Override
    public Optional<WalletAddress> walletOf(DiscordUserId discordUserId) {
        return db.read(h -> h.attach(WalletLinkDao.class).walletOf(discordUserId.wire()).map(WalletAddress::new));
    }

    @Override
    public Optional<Instant> linkedAt(DiscordUserId discordUserId) {
        return db.read(h -> h.attach(WalletLinkDao.class).linkedAt(discordUserId.wire()).map(Timestamps::parse));
    }

    @Override
    public Map<DiscordUserId, WalletAddress> all() {
        return db.read(h -> {
            var links = new LinkedHashMap<DiscordUserId, WalletAddress>();
            h.attach(WalletLinkDao.class).all()
                    .forEach(row -> links.put(DiscordUserId.of(row.discordUserId()), new WalletAddress(row.wallet())));
            return links;
        });
    }
}
