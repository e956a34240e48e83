package dev.sietch.core.usecase;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.SiweMessage;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.EvmSignatures;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.core.port.WalletVerifications;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linking a Discord account to a wallet with a signed message. {@code /verify} starts a one-time
 * challenge for the account; its page (served by the HTTP API) asks the wallet to sign an EIP-4361
 * message built from the challenge; the signature's signer must be the wallet claimed. A challenge
 * expires after {@link Settings#validFor()} and can be used once. Re-linking, or moving to another
 * wallet, never touches the member's profile or history.
 */
public final class LinkWallet {

    private static final Logger log = LoggerFactory.getLogger(LinkWallet.class);

    /** What the wallet is asked to agree to. */
    static final String STATEMENT = "Link this wallet to my Discord account in Sietch. This costs nothing and grants no spending rights.";

    /**
     * @param publicUrl where members reach the HTTP API (its host is the EIP-4361 domain)
     * @param validFor how long a challenge may be used
     * @param chainId the EIP-155 chain id in the message (Berachain: 80094)
     */
    public record Settings(URI publicUrl, Duration validFor, long chainId) {

        public static final long BERACHAIN = 80094;

        public Settings {
            Objects.requireNonNull(publicUrl, "publicUrl");
            if (!("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))
                    || publicUrl.getHost() == null) {
                throw new IllegalArgumentException("the public URL must be an absolute http(s) URL");
            }
            if (validFor.isNegative() || validFor.isZero()) {
                throw new IllegalArgumentException("validFor must be positive");
            }
            if (chainId <= 0) {
                throw new IllegalArgumentException("chainId must be positive");
            }
        }

        /** The EIP-4361 domain: the public URL's authority (host, and port when one is given). */
        String domain() {
            return publicUrl.getRawAuthority();
        }

        URI page(String nonce) {
            String base = publicUrl.toString();
            return URI.create((base.endsWith("/") ? base : base + "/") + "verify/" + nonce);
        }
    }

    /** Why an attempt was refused; the message says it to the member. */
    public enum Reason { UNKNOWN, EXPIRED, USED, INVALID }

    public sealed interface Result {}

    /** The account is now linked to {@code wallet}; {@code previous} is the wallet it had before, if another. */
    public record Linked(DiscordUserId discordUserId, WalletAddress wallet, Optional<WalletAddress> previous) implements Result {}

    public record Refused(Reason reason, String message) implements Result {}

    /** The message to sign. */
    public record ToSign(String message) implements Result {}

    /** A started challenge: the page the member opens, and when it stops working. */
    public record Started(URI page, Instant expiresAt) {}

    private final Settings settings;
    private final WalletVerifications verifications;
    private final WalletLinks links;
    private final EvmSignatures signatures;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<Linked>> listeners = new CopyOnWriteArrayList<>();

    public LinkWallet(Settings settings, WalletVerifications verifications, WalletLinks links, EvmSignatures signatures,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.verifications = Objects.requireNonNull(verifications, "verifications");
        this.links = Objects.requireNonNull(links, "links");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Calls {@code listener} after each link (for the bot's confirmation message), once per link
     * across instances sharing the store; returns how to stop.
     */
    public Runnable onLinked(Consumer<Linked> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts a one-time challenge for the account. */
    public Started start(DiscordUserId discordUserId) {
        Objects.requireNonNull(discordUserId, "discordUserId");
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        var challenge = new WalletVerifications.Challenge(nonce, discordUserId, now, now.plus(settings.validFor()),
                Optional.empty());
        verifications.create(challenge);
        return new Started(settings.page(nonce), challenge.expiresAt());
    }

    /** The challenge's state for its page: refused when unknown, expired or used, else the expiry. */
    public Optional<Refused> check(String nonce) {
        return usable(nonce).refused();
    }

    /** The EIP-4361 message {@code address} must sign for this challenge. */
    public Result message(String nonce, String address) {
        Usable usable = usable(nonce);
        if (usable.refused().isPresent()) {
            return usable.refused().get();
        }
        Optional<WalletAddress> wallet = WalletAddress.parse(address);
        if (wallet.isEmpty()) {
            return new Refused(Reason.INVALID, "That is not a wallet address.");
        }
        return new ToSign(siwe(usable.challenge().orElseThrow(), wallet.get()).text());
    }

    /** Checks the signature and, if the wallet signed this challenge's message, links it. */
    public Result complete(String nonce, String address, String signature) {
        Usable usable = usable(nonce);
        if (usable.refused().isPresent()) {
            return usable.refused().get();
        }
        WalletVerifications.Challenge challenge = usable.challenge().orElseThrow();
        Optional<WalletAddress> wallet = WalletAddress.parse(address);
        if (wallet.isEmpty()) {
            return new Refused(Reason.INVALID, "That is not a wallet address.");
        }
        Optional<WalletAddress> signer = signatures.signer(siwe(challenge, wallet.get()).text(), signature);
        if (signer.isEmpty()) {
            return new Refused(Reason.INVALID, "The signature is not valid.");
        }
        if (!signer.get().equals(wallet.get())) {
            return new Refused(Reason.INVALID, "The message was signed by " + signatures.checksum(signer.get())
                    + ", not by " + signatures.checksum(wallet.get()) + ". Sign with the wallet you want to link.");
        }
        Optional<WalletAddress> previous = links.walletOf(challenge.discordUserId()).filter(w -> !w.equals(wallet.get()));
        if (!verifications.complete(nonce, wallet.get(), clock.instant())) {
            return usable(nonce).refused().orElse(new Refused(Reason.USED, USED_MESSAGE)); // lost a race with another use
        }
        var linked = new Linked(challenge.discordUserId(), wallet.get(), previous);
        // confirmed here when this instance runs the bot; else by the instance that does (confirmPending)
        if (!listeners.isEmpty() && verifications.claimConfirmation(nonce, clock.instant())) {
            tell(linked);
        }
        return linked;
    }

    /**
     * Confirms the links completed within {@code within} that no instance has confirmed yet — those
     * completed through an instance without the bot — each once across instances; nothing when no
     * listener is registered here.
     *
     * @return how many were confirmed now
     */
    public int confirmPending(java.time.Duration within, int limit) {
        if (listeners.isEmpty()) {
            return 0;
        }
        int confirmed = 0;
        for (var completed : verifications.unconfirmed(clock.instant().minus(within), limit)) {
            if (verifications.claimConfirmation(completed.nonce(), clock.instant())) {
                tell(new Linked(completed.discordUserId(), completed.wallet(), completed.previous()));
                confirmed++;
            }
        }
        return confirmed;
    }

    private void tell(Linked linked) {
        for (Consumer<Linked> listener : listeners) {
            try {
                listener.accept(linked);
            } catch (RuntimeException e) {
                log.warn("Wallet link: a listener failed: {}", e.toString());
            }
        }
    }

    private static final String USED_MESSAGE = "This link has already been used. Run /verify in Discord for a new one.";

    private record Usable(Optional<WalletVerifications.Challenge> challenge, Optional<Refused> refused) {}

    private Usable usable(String nonce) {
        Optional<WalletVerifications.Challenge> found = nonce.matches("[0-9a-f]{32}")
                ? verifications.find(nonce) : Optional.empty();
        if (found.isEmpty()) {
            return new Usable(found, Optional.of(new Refused(Reason.UNKNOWN,
                    "This link is not valid. Run /verify in Discord for a new one.")));
        }
        if (found.get().usedAt().isPresent()) {
            return new Usable(found, Optional.of(new Refused(Reason.USED, USED_MESSAGE)));
        }
        if (!clock.instant().isBefore(found.get().expiresAt())) {
            return new Usable(found, Optional.of(new Refused(Reason.EXPIRED,
                    "This link has expired. Run /verify in Discord for a new one.")));
        }
        return new Usable(found, Optional.empty());
    }

    private SiweMessage siwe(WalletVerifications.Challenge challenge, WalletAddress wallet) {
        return new SiweMessage(settings.domain(), signatures.checksum(wallet), STATEMENT, settings.page(challenge.nonce()),
                settings.chainId(), challenge.nonce(), challenge.createdAt(), challenge.expiresAt());
    }
}
