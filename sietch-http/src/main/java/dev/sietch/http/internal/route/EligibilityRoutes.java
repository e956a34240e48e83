package dev.sietch.http.internal.route;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.usecase.ReadEligibility;
import dev.sietch.http.internal.json.EligibilityBodies;
import dev.sietch.http.internal.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The Collab.Land contract: {@code GET /eligibility} (the member list) and
 * {@code GET /eligibility/{address}} (one wallet; 200 with {@code eligible: false} for a wallet
 * that is not ranked). Addresses are accepted in any letter case (checksummed) and answered
 * lower-case.
 */
public final class EligibilityRoutes {

    /** The predecessor's check: a lower-case {@code 0x}, then 40 hex digits in any case. */
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** ISO-8601 UTC with milliseconds, as the predecessor printed JavaScript dates. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ReadEligibility eligibility;

    public EligibilityRoutes(ReadEligibility eligibility) {
        this.eligibility = eligibility;
    }

    public void register(RoutingHandler routing) {
        routing.get("/eligibility", this::list);
        routing.get("/eligibility/{address}", this::standing);
    }

    private void list(HttpServerExchange exchange) {
        ReadEligibility.MemberList list = eligibility.memberList();
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=300");
        Json.send(exchange, 200, new EligibilityBodies.MemberList(
                timestamp(list.updatedAt()),
                list.gracePeriod(),
                list.members().stream().map(EligibilityRoutes::entry).toList(),
                list.naib().stream().map(WalletAddress::value).toList()));
    }

    private void standing(HttpServerExchange exchange) {
        String text = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("address");
        if (text == null || !ADDRESS.matcher(text).matches()) {
            Json.error(exchange, 400, "Invalid Ethereum address format");
            return;
        }
        ReadEligibility.WalletStanding standing = eligibility.standing(WalletAddress.of(text));
        Json.send(exchange, 200, new EligibilityBodies.Standing(
                standing.wallet().value(),
                standing.eligible(),
                standing.rank().isPresent() ? standing.rank().getAsInt() : null,
                standing.role().wireName(),
                standing.held().map(EligibilityRoutes::bgt).orElse(null)));
    }

    private static EligibilityBodies.Entry entry(RankedWallet wallet) {
        return new EligibilityBodies.Entry(wallet.rank(), wallet.wallet().value(), bgt(wallet.held()));
    }

    /** Wei as an exact BGT decimal without trailing zeros (1 BGT is {@code 1}, not {@code 1.000000000000000000}). */
    static BigDecimal bgt(Wei wei) {
        BigDecimal value = wei.toBgt().stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
