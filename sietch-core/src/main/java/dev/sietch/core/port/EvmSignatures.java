package dev.sietch.core.port;

import dev.sietch.core.model.WalletAddress;
import java.util.Optional;

/** Ethereum account cryptography the core cannot do itself (it uses no crypto library). Implemented by the chain adapter. */
public interface EvmSignatures {

    /** The EIP-55 mixed-case form of the address. */
    String checksum(WalletAddress wallet);

    /**
     * The account whose key made {@code signature} over {@code message} as {@code personal_sign}
     * does (EIP-191: the message prefixed with {@code "\x19Ethereum Signed Message:\n" + length}).
     *
     * @param signature 65 bytes as {@code 0x}-prefixed hex: r, s, v (27/28, or 0/1)
     * @return empty when the signature is malformed or recovers no key
     */
    Optional<WalletAddress> signer(String message, String signature);
}
