package dev.sietch.http.internal.route;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.usecase.ReadEligibility;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.EligibilityBodies;
import dev.sietch.http.internal.json.Wire;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Collab.Land contract: {@code GET /eligibility} (the member list) and
 * {@code GET /eligibility/{address}} (one wallet; 200 with {@code eligible: false} for a wallet
 * that is not ranked). Addresses are accepted in any letter case (checksummed) and answered
 * lower-case.
 */
public final class EligibilityRoutes {

    /** A lower-case {@code 0x}, then 40 hex digits in any case (checksummed addresses pass). */
    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final ReadEligibility eligibility;

    public EligibilityRoutes(ReadEligibility eligibility) {
        this.eligibility = eligibility;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/eligibility", Route.Access.PUBLIC,
                        "The members (ranks 1-69) and the Naib addresses, for Collab.Land",
                        EligibilityBodies.MemberList.class, this::list),
                Route.get("/eligibility/{address}", Route.Access.PUBLIC,
                        "One wallet's eligibility, rank, role and BGT held (Collab.Land's token gate)",
                        EligibilityBodies.Standing.class, this::standing)
                        .inline()); // the ranking is held in memory: no hand-off to a worker thread
    }

    private void list(Call call) {
        ReadEligibility.MemberList list = eligibility.memberList();
        call.responseHeader("Cache-Control", "public, max-age=300");
        call.ok(new EligibilityBodies.MemberList(
                Wire.timestamp(list.updatedAt()),
                list.gracePeriod(),
                list.members().stream().map(EligibilityRoutes::entry).toList(),
                list.naib().stream().map(WalletAddress::value).toList()));
    }

    private void standing(Call call) {
        ReadEligibility.WalletStanding standing = eligibility.standing(address(call.parameter("address")));
        call.ok(new EligibilityBodies.Standing(
                standing.wallet().value(),
                standing.eligible(),
                standing.rank().isPresent() ? Optional.of(standing.rank().getAsInt()) : Optional.empty(),
                standing.role().wireName(),
                Wire.bgt(standing.held())));
    }

    /** @throws HttpError 400 {@code Invalid Ethereum address format} */
    static WalletAddress address(String text) {
        if (!ADDRESS.matcher(text).matches()) {
            throw HttpError.badRequest("Invalid Ethereum address format");
        }
        return WalletAddress.of(text);
    }

    private static EligibilityBodies.EligibleWallet entry(RankedWallet wallet) {
        return new EligibilityBodies.EligibleWallet(wallet.rank(), wallet.wallet().value(), Wire.bgt(wallet.held()));
    }
}
