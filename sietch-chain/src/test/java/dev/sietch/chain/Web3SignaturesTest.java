package dev.sietch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.WalletAddress;
import org.junit.jupiter.api.Test;

/** personal_sign recovery and EIP-55 checksums, against a published known answer (web3.js's accounts.sign example). */
final class Web3SignaturesTest {

    private static final WalletAddress SIGNER = WalletAddress.of("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23");
    private static final String SIGNATURE = "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd"
            + "6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c";

    private final Web3Signatures signatures = new Web3Signatures();

    @Test
    void recoversTheSignerOfAPersonalSignMessage() {
        assertThat(signatures.signer("Some data", SIGNATURE)).contains(SIGNER);
    }

    @Test
    void acceptsTheRecoveryIdFormOfV() {
        String zeroOne = SIGNATURE.substring(0, 130) + "01"; // v = 28 written as 1
        assertThat(signatures.signer("Some data", zeroOne)).contains(SIGNER);
    }

    @Test
    void anotherMessageRecoversAnotherAccount() {
        assertThat(signatures.signer("Some other data", SIGNATURE)).isPresent().get().isNotEqualTo(SIGNER);
    }

    @Test
    void malformedSignaturesRecoverNothing() {
        assertThat(signatures.signer("Some data", "0x1234")).isEmpty();
        assertThat(signatures.signer("Some data", SIGNATURE.substring(0, 130) + "05")).isEmpty();
        assertThat(signatures.signer("Some data", "0x" + "0".repeat(130))).isEmpty();
        assertThat(signatures.signer("Some data", null)).isEmpty();
        assertThat(signatures.signer("Some data", SIGNATURE + "00")).isEmpty();
    }

    @Test
    void checksumsAddressesAsEip55Does() {
        assertThat(signatures.checksum(SIGNER)).isEqualTo("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
        // EIP-55's own test vector
        assertThat(signatures.checksum(WalletAddress.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")))
                .isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }
}
