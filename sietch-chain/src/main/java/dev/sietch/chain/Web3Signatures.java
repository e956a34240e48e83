package dev.sietch.chain;

import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.EvmSignatures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Ethereum signatures and checksums through web3j's secp256k1 code. */
public final class Web3Signatures implements EvmSignatures {

    private static final int SIGNATURE_BYTES = 65;

    @Override
    public String checksum(WalletAddress wallet) {
        return Keys.toChecksumAddress(wallet.value());
    }

    @Override
    public Optional<WalletAddress> signer(String message, String signature) {
        if (signature == null || !signature.matches("0x[0-9a-fA-F]{130}")) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(signature.substring(2));
        byte v = bytes[64];
        if (v < 27) {
            v += 27; // some wallets give the recovery id (0/1) instead of 27/28
        }
        if (v != 27 && v != 28) {
            return Optional.empty();
        }
        var data = new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, SIGNATURE_BYTES - 1));
        try {
            BigInteger key = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
            return WalletAddress.parse("0x" + Keys.getAddress(key));
        } catch (SignatureException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
