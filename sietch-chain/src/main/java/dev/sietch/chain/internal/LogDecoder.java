package dev.sietch.chain.internal;

import dev.sietch.chain.ClaimEvent;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Turns logs into claims and burns with web3j's ABI decoder. A log that does not have its event's
 * shape (wrong topic count, short data) is not a claim or burn and is skipped, as the predecessor
 * skipped undecodable logs; the caller counts it.
 */
final class LogDecoder {

    /** {@code RewardPaid(address indexed account, address to, uint256 reward)}. */
    static final Event POL_REWARD_PAID = new Event("RewardPaid", List.of(
            new TypeReference<Address>(true) {}, new TypeReference<Address>() {}, new TypeReference<Uint256>() {}));

    /** {@code RewardPaid(address indexed user, uint256 reward)}. */
    static final Event LEGACY_REWARD_PAID = new Event("RewardPaid", List.of(
            new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));

    /** {@code Transfer(address indexed from, address indexed to, uint256 value)}. */
    static final Event TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));

    static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

    /** The zero address as a 32-byte topic: a {@code Transfer} to it is a burn. */
    static final String ZERO_TOPIC = "0x" + "0".repeat(64);

    static {
        // the enum's published topics must be the hashes of these ABI definitions
        check(ClaimEvent.POL, POL_REWARD_PAID);
        check(ClaimEvent.LEGACY, LEGACY_REWARD_PAID);
    }

    private LogDecoder() {}

    private static void check(ClaimEvent kind, Event event) {
        if (!EventEncoder.encode(event).equals(kind.topic())) {
            throw new IllegalStateException(kind + " topic does not match its ABI");
        }
    }

    static Event abi(ClaimEvent kind) {
        return switch (kind) {
            case POL -> POL_REWARD_PAID;
            case LEGACY -> LEGACY_REWARD_PAID;
        };
    }

    /** A claim from a vault's {@code RewardPaid} log: PoL credits {@code to}, legacy credits {@code user}. */
    static Optional<ChainEvent> claim(ClaimEvent kind, Log log) {
        List<String> topics = log.getTopics();
        if (topics.size() != 2 || !kind.topic().equalsIgnoreCase(topics.get(0))) {
            return Optional.empty();
        }
        List<Type> data = decode(log.getData(), abi(kind));
        if (data.size() != (kind == ClaimEvent.POL ? 2 : 1)) {
            return Optional.empty();
        }
        String wallet = kind == ClaimEvent.POL ? ((Address) data.get(0)).getValue() : indexedAddress(topics.get(1));
        BigInteger amount = ((Uint256) data.get(data.size() - 1)).getValue();
        return Optional.of(new ChainEvent.Claim(id(log), WalletAddress.of(wallet), new Wei(amount)));
    }

    /** A burn from the BGT token's {@code Transfer(from, 0x0, value)} log. */
    static Optional<ChainEvent> burn(Log log) {
        List<String> topics = log.getTopics();
        if (topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))
                || !ZERO_TOPIC.equalsIgnoreCase(topics.get(2))) {
            return Optional.empty();
        }
        List<Type> data = decode(log.getData(), TRANSFER);
        if (data.size() != 1) {
            return Optional.empty();
        }
        BigInteger amount = ((Uint256) data.get(0)).getValue();
        return Optional.of(new ChainEvent.Burn(id(log), WalletAddress.of(indexedAddress(topics.get(1))), new Wei(amount)));
    }

    private static List<Type> decode(String data, Event event) {
        if (data == null || data.length() < 2 + 64 * event.getNonIndexedParameters().size()) {
            return List.of();
        }
        return FunctionReturnDecoder.decode(data, event.getNonIndexedParameters());
    }

    private static String indexedAddress(String topic) {
        return ((Address) FunctionReturnDecoder.decodeIndexedValue(topic, new TypeReference<Address>() {})).getValue();
    }

    static ChainEvent.EventId id(Log log) {
        return new ChainEvent.EventId(log.getBlockNumber().longValueExact(),
                log.getTransactionHash().toLowerCase(Locale.ROOT), log.getLogIndex().intValueExact());
    }
}
