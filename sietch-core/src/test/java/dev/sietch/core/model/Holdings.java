package dev.sietch.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test data: events and the holdings they add up to. */
final class Holdings {

    private final List<ChainEvent> events = new ArrayList<>();
    private int nextLog;

    static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", n));
    }

    static Wei bgt(long whole) {
        return new Wei(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(whole)));
    }

    Holdings claim(WalletAddress wallet, Wei amount, long block) {
        events.add(new ChainEvent.Claim(new ChainEvent.EventId(block, "0xtx" + nextLog, nextLog++), wallet, amount));
        return this;
    }

    Holdings burn(WalletAddress wallet, Wei amount, long block) {
        events.add(new ChainEvent.Burn(new ChainEvent.EventId(block, "0xtx" + nextLog, nextLog++), wallet, amount));
        return this;
    }

    List<ChainEvent> events() {
        return events;
    }

    List<WalletHolding> holdings() {
        return aggregate(events);
    }

    static List<WalletHolding> aggregate(List<ChainEvent> events) {
        Map<WalletAddress, WalletHolding> totals = new LinkedHashMap<>();
        for (ChainEvent event : events) {
            WalletHolding current = totals.getOrDefault(event.wallet(),
                    new WalletHolding(event.wallet(), Wei.ZERO, Wei.ZERO, Optional.empty()));
            totals.put(event.wallet(), switch (event) {
                case ChainEvent.Claim c -> new WalletHolding(c.wallet(), current.claimed().plus(c.amount()),
                        current.burned(), current.firstClaim().filter(f -> f.compareTo(c.id()) < 0).or(() -> Optional.of(c.id())));
                case ChainEvent.Burn b -> new WalletHolding(b.wallet(), current.claimed(),
                        current.burned().plus(b.amount()), current.firstClaim());
            });
        }
        return List.copyOf(totals.values());
    }
}
