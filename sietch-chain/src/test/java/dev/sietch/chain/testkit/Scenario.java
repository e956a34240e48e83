package dev.sietch.chain.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible stream of chain activity on a {@link TestChain}: rounds of PoL claims (earning
 * account ≠ recipient), now and then a legacy claim or a burn of part of a wallet's balance, and a
 * few empty blocks between rounds. The same seed gives the same transactions.
 */
public final class Scenario {

    private final TestChain chain;
    private final int wallets;

    public Scenario(TestChain chain, int wallets) {
        this.chain = chain;
        this.wallets = wallets;
    }

    /** The i-th recipient wallet (lower-case). */
    public static String wallet(int i) {
        return String.format("0x%040x", 0xabc000 + i);
    }

    /** The i-th earning account of PoL claims, never credited (lower-case). */
    public static String account(int i) {
        return String.format("0x%040x", 0xdef000 + i);
    }

    /** Plays {@code rounds} rounds. */
    public void play(int rounds, long seed) {
        var random = new Random(seed);
        for (int round = 0; round < rounds; round++) {
            String vault = chain.polVaults().get(random.nextInt(chain.polVaults().size()));
            List<String> accounts = new ArrayList<>();
            List<String> tos = new ArrayList<>();
            List<BigInteger> amounts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                accounts.add(account(random.nextInt(wallets)));
                tos.add(wallet(random.nextInt(wallets)));
                amounts.add(new BigInteger(66, random).add(BigInteger.ONE));
            }
            chain.payRewards(vault, accounts, tos, amounts);
            if (random.nextInt(3) == 0) {
                chain.payLegacyReward(chain.legacyVault(), wallet(random.nextInt(wallets)), new BigInteger(60, random));
            }
            if (random.nextInt(4) == 0) {
                String from = wallet(random.nextInt(wallets));
                BigInteger balance = chain.balanceOf(from);
                if (balance.signum() > 0) {
                    chain.burn(from, balance.divide(BigInteger.valueOf(1 + random.nextInt(3))));
                }
            }
            chain.anvil().mine(random.nextInt(6));
        }
    }
}
