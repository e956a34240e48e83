package dev.sietch.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.chain.ClaimEvent;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

final class LogDecoderTest {

    private static final String ACCOUNT = "0x" + "0".repeat(24) + "00000000000000000000000000000000000000aa";
    private static final String TO = "0".repeat(24) + "00000000000000000000000000000000000000BB";
    private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private static Log log(List<String> topics, String data) {
        var log = new Log();
        log.setTopics(topics);
        log.setData(data);
        log.setBlockNumber("0x10");
        log.setTransactionHash("0xABCD");
        log.setLogIndex("0x2");
        return log;
    }

    private static String word(BigInteger value) {
        return String.format("%64s", value.toString(16)).replace(' ', '0');
    }

    @Test
    void thePublishedTopicsAreTheHashesOfTheAbiDefinitions() {
        assertThat(EventEncoder.encode(LogDecoder.POL_REWARD_PAID)).isEqualTo(ClaimEvent.POL.topic())
                .isEqualTo("0x540798df468d7b23d11f156fdb954cb19ad414d150722a7b6d55ba369dea792e");
        assertThat(EventEncoder.encode(LogDecoder.LEGACY_REWARD_PAID)).isEqualTo(ClaimEvent.LEGACY.topic())
                .isEqualTo("0xe2403640ba68fed3a2f88b7557551d1993f84b99bb10ff833f0cf8db0c5e0486");
    }

    @Test
    void polCreditsTheRecipient_legacyTheIndexedUser_burnsDebitTheSender_atFullUint256Precision() {
        var id = new ChainEvent.EventId(16, "0xabcd", 2);

        var pol = LogDecoder.claim(ClaimEvent.POL, log(List.of(ClaimEvent.POL.topic(), ACCOUNT), "0x" + TO + word(UINT256_MAX)));
        var legacy = LogDecoder.claim(ClaimEvent.LEGACY, log(List.of(ClaimEvent.LEGACY.topic(), ACCOUNT), "0x" + word(BigInteger.TEN)));
        var burn = LogDecoder.burn(log(List.of(LogDecoder.TRANSFER_TOPIC, ACCOUNT, LogDecoder.ZERO_TOPIC), "0x" + word(BigInteger.ONE)));

        assertThat(pol).contains(new ChainEvent.Claim(id, WalletAddress.of("0x00000000000000000000000000000000000000bb"), new Wei(UINT256_MAX)));
        assertThat(legacy).contains(new ChainEvent.Claim(id, WalletAddress.of("0x00000000000000000000000000000000000000aa"), Wei.of(10)));
        assertThat(burn).contains(new ChainEvent.Burn(id, WalletAddress.of("0x00000000000000000000000000000000000000aa"), Wei.of(1)));
    }

    @Test
    void skipsLogsWithoutTheEventsShape() {
        String amount = word(BigInteger.TEN);
        // PoL data with one word only; the legacy event configured for a PoL log; dirty address word
        assertThat(LogDecoder.claim(ClaimEvent.POL, log(List.of(ClaimEvent.POL.topic(), ACCOUNT), "0x" + amount))).isEmpty();
        assertThat(LogDecoder.claim(ClaimEvent.LEGACY, log(List.of(ClaimEvent.POL.topic(), ACCOUNT), "0x" + TO + amount))).isEmpty();
        assertThat(LogDecoder.claim(ClaimEvent.POL, log(List.of(ClaimEvent.POL.topic(), ACCOUNT), "0x" + "f" + TO.substring(1) + amount))).isEmpty();
        // a Transfer that is not to the zero address, and one without the indexed recipient
        assertThat(LogDecoder.burn(log(List.of(LogDecoder.TRANSFER_TOPIC, ACCOUNT, ACCOUNT), "0x" + amount))).isEmpty();
        assertThat(LogDecoder.burn(log(List.of(LogDecoder.TRANSFER_TOPIC, ACCOUNT), "0x" + amount))).isEmpty();
    }
}
