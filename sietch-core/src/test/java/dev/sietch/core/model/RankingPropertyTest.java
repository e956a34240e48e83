package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random event sets (thousands of wallets, claims, burns, overrides, amounts far above 2^63 wei)
 * ranked by {@link Ranking#compute} equal a brute-force reference written from the rules alone.
 */
final class RankingPropertyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void equalsBruteForceReference(long seed) {
        // given
        var random = new Random(seed);
        int wallets = 500 + random.nextInt(3000);
        List<ChainEvent> events = randomEvents(random, wallets);
        List<AdminOverride> overrides = randomOverrides(random, wallets);
        Collections.shuffle(events, random); // delivery order must not matter

        // when
        Ranking ranking = Ranking.compute(Holdings.aggregate(events), overrides, NOW, RankingPolicy.DEFAULT).ranking();

        // then
        assertThat(ranking.wallets()).isEqualTo(reference(events, overrides));
    }

    static List<ChainEvent> randomEvents(Random random, int wallets) {
        List<ChainEvent> events = new ArrayList<>();
        int log = 0;
        for (int i = 0; i < wallets * 3; i++) {
            WalletAddress wallet = Holdings.wallet(1 + random.nextInt(wallets));
            var id = new ChainEvent.EventId(random.nextInt(50), "0x" + Integer.toHexString(i), log++);
            if (random.nextInt(20) == 0) {
                events.add(new ChainEvent.Burn(id, wallet, amount(random)));
            } else {
                events.add(new ChainEvent.Claim(id, wallet, amount(random)));
            }
        }
        return events;
    }

    /** Mostly small amounts (many ties), some far above 2^63. */
    static Wei amount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Wei.of(1 + random.nextInt(5));
            case 1 -> new Wei(new BigInteger(64 + random.nextInt(100), random));
            default -> new Wei(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(random.nextInt(1000))));
        };
    }

    static List<AdminOverride> randomOverrides(Random random, int wallets) {
        List<AdminOverride> overrides = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Optional<Instant> expiry = switch (random.nextInt(3)) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(NOW.minusSeconds(random.nextInt(1000)));
                default -> Optional.of(NOW.plusSeconds(1 + random.nextInt(1000)));
            };
            overrides.add(new AdminOverride(i, Holdings.wallet(1 + random.nextInt(wallets + 50)),
                    random.nextBoolean() ? AdminOverride.Action.ADD : AdminOverride.Action.REMOVE, "r", "admin",
                    NOW.minusSeconds(5000), expiry, random.nextInt(10) > 0));
        }
        return overrides;
    }

    /** The rules, written out plainly from the raw events. */
    static List<RankedWallet> reference(List<ChainEvent> events, List<AdminOverride> overrides) {
        Set<WalletAddress> removed = new HashSet<>();
        Set<WalletAddress> added = new HashSet<>();
        for (AdminOverride o : overrides) {
            boolean inForce = o.active() && (o.expiresAt().isEmpty() || NOW.isBefore(o.expiresAt().get()));
            if (inForce) {
                (o.action() == AdminOverride.Action.REMOVE ? removed : added).add(o.wallet());
            }
        }
        added.removeAll(removed);
        Map<WalletAddress, BigInteger> claimed = new HashMap<>();
        Map<WalletAddress, BigInteger> burned = new HashMap<>();
        Map<WalletAddress, long[]> first = new HashMap<>();
        for (ChainEvent e : events) {
            if (e instanceof ChainEvent.Claim) {
                claimed.merge(e.wallet(), e.amount().value(), BigInteger::add);
                long[] f = first.get(e.wallet());
                if (f == null || e.id().blockNumber() < f[0] || e.id().blockNumber() == f[0] && e.id().logIndex() < f[1]) {
                    first.put(e.wallet(), new long[] {e.id().blockNumber(), e.id().logIndex()});
                }
            } else {
                burned.merge(e.wallet(), e.amount().value(), BigInteger::add);
            }
        }
        record Entry(WalletAddress wallet, BigInteger held, long block, long log) {}
        List<Entry> entries = new ArrayList<>();
        Set<WalletAddress> all = new HashSet<>(claimed.keySet());
        all.addAll(added);
        for (WalletAddress w : all) {
            if (removed.contains(w)) {
                continue;
            }
            BigInteger c = claimed.getOrDefault(w, BigInteger.ZERO);
            BigInteger b = burned.getOrDefault(w, BigInteger.ZERO);
            if (!added.contains(w) && b.signum() > 0) {
                continue;
            }
            BigInteger held = c.subtract(b).max(BigInteger.ZERO);
            long[] f = first.getOrDefault(w, new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
            entries.add(new Entry(w, held, f[0], f[1]));
        }
        entries.sort((x, y) -> {
            int byHeld = y.held().compareTo(x.held());
            if (byHeld != 0) return byHeld;
            if (x.block() != y.block()) return Long.compare(x.block(), y.block());
            if (x.log() != y.log()) return Long.compare(x.log(), y.log());
            return x.wallet().value().compareTo(y.wallet().value());
        });
        List<RankedWallet> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int rank = i + 1;
            Entry e = entries.get(i);
            boolean member = rank <= 69 || added.contains(e.wallet());
            Role role = rank <= 7 ? Role.NAIB : member ? Role.FEDAYKIN : Role.NONE;
            ranked.add(new RankedWallet(e.wallet(), rank, new Wei(e.held()), role, member));
        }
        return ranked;
    }
}
