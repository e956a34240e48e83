package dev.sietch.store.internal.wallets;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.WalletVerifications;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** wallet_verification; completing a challenge links its wallet (wallet_link) in the same transaction. */
public final class SqliteWalletVerifications implements WalletVerifications {

    private final Database db;

    public SqliteWalletVerifications(Database db) {
        this.db = db;
    }

    @Override
    public void create(Challenge challenge) {
        db.write(h -> {
            var dao = h.attach(VerificationDao.class);
            // challenges expired for a week are of no use, not even for the record (the audit log keeps links)
            dao.deleteExpiredBefore(Timestamps.format(challenge.createdAt().minus(Duration.ofDays(7))));
            return dao.insert(challenge.nonce(), challenge.discordUserId().wire(), Timestamps.format(challenge.createdAt()),
                    Timestamps.format(challenge.expiresAt()));
        });
    }

    @Override
    public Optional<Challenge> find(String nonce) {
        return db.read(h -> h.attach(VerificationDao.class).find(nonce)
                .map(row -> new Challenge(row.nonce(), DiscordUserId.of(row.discordUserId()), Timestamps.parse(row.createdAt()),
                        Timestamps.parse(row.expiresAt()), Optional.ofNullable(row.usedAt()).map(Timestamps::parse))));
    }

    @Override
    public boolean complete(String nonce, WalletAddress wallet, Instant at) {
        return db.write(h -> {
            String now = Timestamps.format(at);
            var dao = h.attach(VerificationDao.class);
            Optional<String> account = dao.use(nonce, wallet.value(), now);
            if (account.isEmpty()) {
                return false;
            }
            var links = h.attach(WalletLinkDao.class);
            Optional<String> previous = links.walletOf(account.get());
            dao.setPreviousWallet(nonce, previous.filter(p -> !p.equals(wallet.value())).orElse(null));
            links.link(account.get(), wallet.value(), now);
            var data = new LinkedHashMap<String, Object>();
            data.put("discordUserId", account.get());
            data.put("wallet", wallet.value());
            data.put("previousWallet", previous.orElse(null));
            AuditWriter.write(h, new AuditEntry("wallet_linked", data), now);
            return true;
        });
    }

    @Override
    public List<Completed> unconfirmed(Instant since, int limit) {
        return db.read(h -> h.attach(VerificationDao.class).unconfirmed(Timestamps.format(since), limit).stream()
                .map(row -> new Completed(row.nonce(), DiscordUserId.of(row.discordUserId()), new WalletAddress(row.wallet()),
                        Optional.ofNullable(row.previousWallet()).map(WalletAddress::new)))
                .toList());
    }

    @Override
    public boolean claimConfirmation(String nonce, Instant at) {
        return db.write(h -> h.attach(VerificationDao.class).claimConfirmation(nonce, Timestamps.format(at)) == 1);
    }
}
