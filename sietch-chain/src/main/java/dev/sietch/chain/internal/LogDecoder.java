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
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Turns logs into claims and burns. The events are web3j ABI definitions (their topics are checked
 * against the published ones); the static words of a log are sliced directly, as web3j's generic
 * decoder would, without its reflection per value — this runs for every log of a full index. A log
 * that does not have its event's shape (wrong topic count, short data, an address word with high
 * bytes set) is not a claim or burn and is skipped rather than failing the sync;
 * the caller counts it.
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
        int words = abi(kind).getNonIndexedParameters().size();
        String data = Numeric.cleanHexPrefix(log.getData() == null ? "" : log.getData());
        if (topics.size() != 2 || !kind.topic().equalsIgnoreCase(topics.get(0)) || data.length() != 64 * words) {
            return Optional.empty();
        }
        Optional<String> wallet = kind == ClaimEvent.POL ? address(word(data, 0)) : address(Numeric.cleanHexPrefix(topics.get(1)));
        BigInteger amount = Numeric.toBigIntNoPrefix(word(data, words - 1));
        return wallet.map(w -> new ChainEvent.Claim(id(log), new WalletAddress(w), new Wei(amount)));
    }

    /** A burn from the BGT token's {@code Transfer(from, 0x0, value)} log. */
    static Optional<ChainEvent> burn(Log log) {
        List<String> topics = log.getTopics();
        String data = Numeric.cleanHexPrefix(log.getData() == null ? "" : log.getData());
        if (topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))
                || !ZERO_TOPIC.equalsIgnoreCase(topics.get(2)) || data.length() != 64) {
            return Optional.empty();
        }
        BigInteger amount = Numeric.toBigIntNoPrefix(data);
        return address(Numeric.cleanHexPrefix(topics.get(1)))
                .map(w -> new ChainEvent.Burn(id(log), new WalletAddress(w), new Wei(amount)));
    }

    private static String word(String data, int index) {
        return data.substring(64 * index, 64 * (index + 1));
    }

    /** The address in a 32-byte word (12 zero bytes, then 20 address bytes), lower-case; empty if malformed. */
    static Optional<String> address(String word) {
        if (word.length() != 64) {
            return Optional.empty();
        }
        for (int i = 0; i < 64; i++) {
            char c = word.charAt(i);
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex || i < 24 && c != '0') {
                return Optional.empty();
            }
        }
        return Optional.of("0x" + word.substring(24).toLowerCase(Locale.ROOT));
    }

    static ChainEvent.EventId id(Log log) {
        return new ChainEvent.EventId(log.getBlockNumber().longValueExact(),
                log.getTransactionHash().toLowerCase(Locale.ROOT), log.getLogIndex().intValueExact());
    }
}
