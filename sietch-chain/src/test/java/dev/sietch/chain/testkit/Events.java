package dev.sietch.chain.testkit;

import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;

/** The events the indexer reads, as web3j {@link Event}s, and their topic0 (lower-case 0x hex). */
public final class Events {

    /** Berachain PoL reward vaults: {@code RewardPaid(address indexed account, address to, uint256 reward)}. */
    public static final Event POL_REWARD_PAID = new Event("RewardPaid", List.of(
            new TypeReference<Address>(true) { }, TypeReference.create(Address.class), TypeReference.create(Uint256.class)));

    /** Older reward vaults: {@code RewardPaid(address indexed user, uint256 reward)}. */
    public static final Event LEGACY_REWARD_PAID = new Event("RewardPaid", List.of(
            new TypeReference<Address>(true) { }, TypeReference.create(Uint256.class)));

    /** ERC-20 {@code Transfer(address indexed from, address indexed to, uint256 value)}; a burn goes to 0x0. */
    public static final Event TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            TypeReference.create(Uint256.class)));

    /** topic0 of {@link #POL_REWARD_PAID}. */
    public static final String POL_REWARD_PAID_TOPIC = EventEncoder.encode(POL_REWARD_PAID);
    /** topic0 of {@link #LEGACY_REWARD_PAID}. */
    public static final String LEGACY_REWARD_PAID_TOPIC = EventEncoder.encode(LEGACY_REWARD_PAID);
    /** topic0 of {@link #TRANSFER}. */
    public static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);
    /** The zero address as a 32-byte topic. */
    public static final String ZERO_TOPIC = "0x" + "0".repeat(64);

    private Events() {
    }
}
