package dev.sietch.core.model;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An EIP-4361 (Sign-In with Ethereum) message: what the wallet is asked to sign to prove it
 * controls {@code address}. The text is built the same way when the page asks for it and when the
 * signature is checked, so nothing the browser sends back is trusted except address and signature.
 *
 * @param domain the host (and port) of the page asking, e.g. {@code sietch.example.com}
 * @param address the wallet, EIP-55 checksummed (as the standard requires)
 * @param uri the page the signature is for
 * @param chainId the EIP-155 chain id (Berachain: 80094)
 * @param nonce at least 8 alphanumeric characters, single use
 */
public record SiweMessage(String domain, String address, String statement, URI uri, long chainId, String nonce,
        Instant issuedAt, Instant expirationTime) {

    public SiweMessage {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expirationTime, "expirationTime");
        if (!nonce.matches("[A-Za-z0-9]{8,}")) {
            throw new IllegalArgumentException("an EIP-4361 nonce is at least 8 alphanumeric characters");
        }
        if (statement.contains("\n")) {
            throw new IllegalArgumentException("an EIP-4361 statement is one line");
        }
    }

    /** The exact text to sign (EIP-4361 ABNF; times in RFC 3339 UTC, whole seconds). */
    public String text() {
        return domain + " wants you to sign in with your Ethereum account:\n"
                + address + "\n\n"
                + statement + "\n\n"
                + "URI: " + uri + "\n"
                + "Version: 1\n"
                + "Chain ID: " + chainId + "\n"
                + "Nonce: " + nonce + "\n"
                + "Issued At: " + issuedAt.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "Expiration Time: " + expirationTime.truncatedTo(ChronoUnit.SECONDS);
    }
}
