package dev.sietch.store.internal.waitlist;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Waitlist;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/** Waitlist registrations (waitlist_registration); registering and unregistering write their audit rows. */
public final class SqliteWaitlist implements Waitlist {

    private final Database db;

    public SqliteWaitlist(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Registration> activeFor(WalletAddress wallet) {
        return db.read(h -> h.attach(WaitlistDao.class).activeFor(wallet.value()).map(SqliteWaitlist::registration));
    }

    @Override
    public Set<WalletAddress> registered(Collection<WalletAddress> wallets) {
        if (wallets.isEmpty()) {
            return Set.of();
        }
        return db.read(h -> new HashSet<>(h.attach(WaitlistDao.class)
                .registered(wallets.stream().map(WalletAddress::value).toList()).stream()
                .map(WalletAddress::new).toList()));
    }

    @Override
    public Registration register(DiscordUserId discordUserId, WalletAddress wallet, int position, Wei held, Instant at) {
        return db.write(h -> {
            var dao = h.attach(WaitlistDao.class);
            long id = dao.register(discordUserId.wire(), wallet.value(), position, held.toSortableString(), Timestamps.format(at));
            var data = new LinkedHashMap<String, Object>();
            data.put("discordUserId", discordUserId.wire());
            data.put("walletAddress", wallet.truncated());
            data.put("position", position);
            AuditWriter.write(h, new AuditEntry("waitlist_registration", data), Timestamps.format(at));
            return registration(dao.find(id));
        });
    }

    @Override
    public Optional<Registration> activeForAccount(DiscordUserId discordUserId) {
        return db.read(h -> h.attach(WaitlistDao.class).activeForAccount(discordUserId.wire()).map(SqliteWaitlist::registration));
    }

    @Override
    public boolean unregister(DiscordUserId discordUserId, Instant at) {
        return db.write(h -> {
            var dao = h.attach(WaitlistDao.class);
            dao.dropUndeliveredAlert(discordUserId.wire());
            int ended = dao.unregister(discordUserId.wire());
            if (ended > 0) {
                var data = new LinkedHashMap<String, Object>();
                data.put("discordUserId", discordUserId.wire());
                AuditWriter.write(h, new AuditEntry("waitlist_unregistration", data), Timestamps.format(at));
            }
            return ended > 0;
        });
    }

    @Override
    public int pendingCount() {
        return db.read(h -> h.attach(WaitlistDao.class).pendingCount());
    }

    private static Registration registration(WaitlistDao.RegistrationRow row) {
        return new Registration(row.id(), DiscordUserId.of(row.discordUserId()), new WalletAddress(row.wallet()),
                row.positionAtRegistration(), Wei.parse(row.bgtAtRegistration()), Timestamps.parse(row.registeredAt()),
                Optional.ofNullable(row.notifiedAt()).map(Timestamps::parse));
    }
}
