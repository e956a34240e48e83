package dev.sietch.chain.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The test contracts deployed on an {@link Anvil} node: a {@code TestBgt}, PoL reward vaults and a legacy
 * reward vault, all registered as BGT minters. Each state-changing method sends one transaction from dev
 * account 0, checks that it succeeded (else throws with the revert reason) and returns its hash
 * (lower-case 0x hex). Addresses are 0x hex strings.
 */
public final class TestChain {

    private final Anvil anvil;
    private final String bgt;
    private final List<String> polVaults;
    private final String legacyVault;

    private TestChain(Anvil anvil, String bgt, List<String> polVaults, String legacyVault) {
        this.anvil = anvil;
        this.bgt = bgt;
        this.polVaults = List.copyOf(polVaults);
        this.legacyVault = legacyVault;
    }

    /** Deploys a {@code TestBgt}, {@code polVaultCount} PoL vaults and one legacy vault, and makes the vaults minters. */
    public static TestChain deploy(Anvil anvil, int polVaultCount) {
        String bgt = Contracts.deploy(anvil, Contracts.TEST_BGT);
        var polVaults = new ArrayList<String>();
        for (int i = 0; i < polVaultCount; i++) {
            polVaults.add(Contracts.deploy(anvil, Contracts.POL_REWARD_VAULT, new Address(bgt)));
        }
        String legacyVault = Contracts.deploy(anvil, Contracts.LEGACY_REWARD_VAULT, new Address(bgt));
        var chain = new TestChain(anvil, bgt, polVaults, legacyVault);
        for (String vault : polVaults) {
            chain.addMinter(vault);
        }
        chain.addMinter(legacyVault);
        return chain;
    }

    /** The node. */
    public Anvil anvil() {
        return anvil;
    }

    /** The BGT token. */
    public String bgt() {
        return bgt;
    }

    /** The PoL reward vaults. */
    public List<String> polVaults() {
        return polVaults;
    }

    /** The legacy reward vault. */
    public String legacyVault() {
        return legacyVault;
    }

    /** Lets {@code minter} mint BGT. */
    public String addMinter(String minter) {
        return tx(bgt, "addMinter", new Address(minter));
    }

    /** PoL vault {@code vault} pays {@code amount} BGT earned by {@code account} to {@code to}: one RewardPaid. */
    public String payReward(String vault, String account, String to, BigInteger amount) {
        return tx(vault, "payReward", new Address(account), new Address(to), new Uint256(amount));
    }

    /** Many {@link #payReward} in one transaction (lists of equal length). */
    public String payRewards(String vault, List<String> accounts, List<String> tos, List<BigInteger> amounts) {
        return tx(vault, "payRewards", addresses(accounts), addresses(tos), amounts(amounts));
    }

    /** Legacy vault {@code vault} pays {@code amount} BGT to {@code user}: one legacy RewardPaid. */
    public String payLegacyReward(String vault, String user, BigInteger amount) {
        return tx(vault, "payReward", new Address(user), new Uint256(amount));
    }

    /** Many {@link #payLegacyReward} in one transaction (lists of equal length). */
    public String payLegacyRewards(String vault, List<String> users, List<BigInteger> amounts) {
        return tx(vault, "payRewards", addresses(users), amounts(amounts));
    }

    /** Burns {@code amount} of {@code from}'s BGT ({@code burnFrom}): one Transfer to 0x0. */
    public String burn(String from, BigInteger amount) {
        return tx(bgt, "burnFrom", new Address(from), new Uint256(amount));
    }

    /** Many {@link #burn} in one transaction (lists of equal length). */
    public String burnMany(List<String> froms, List<BigInteger> amounts) {
        return tx(bgt, "burnMany", addresses(froms), amounts(amounts));
    }

    /** {@code wallet}'s BGT balance, in wei. */
    public BigInteger balanceOf(String wallet) {
        return uint(bgt, "balanceOf", new Address(wallet));
    }

    /** All BGT, in wei. */
    public BigInteger totalSupply() {
        return uint(bgt, "totalSupply");
    }

    private String tx(String contract, String function, Type<?>... args) {
        var call = new Function(function, List.of(args), List.of());
        return Contracts.transact(anvil, contract, call).getTransactionHash();
    }

    private BigInteger uint(String contract, String function, Type<?>... args) {
        var call = new Function(function, List.of(args), List.of(TypeReference.create(Uint256.class)));
        return (BigInteger) Contracts.call(anvil, contract, call).getFirst().getValue();
    }

    private static DynamicArray<Address> addresses(List<String> addresses) {
        return new DynamicArray<>(Address.class, addresses.stream().map(Address::new).toList());
    }

    private static DynamicArray<Uint256> amounts(List<BigInteger> amounts) {
        return new DynamicArray<>(Uint256.class, amounts.stream().map(Uint256::new).toList());
    }
}
