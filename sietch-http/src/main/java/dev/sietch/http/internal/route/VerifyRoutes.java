package dev.sietch.http.internal.route;

import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.LinkedBody;
import dev.sietch.http.internal.json.MessageBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Wallet linking (started by {@code /verify} in Discord): the page the member opens, which asks
 * their wallet to sign the challenge's EIP-4361 message, and the two calls it makes. The page runs
 * only its own script (a strict Content-Security-Policy) and is never cached.
 */
public final class VerifyRoutes {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String PAGE = resource("page.html");
    private static final String SCRIPT = resource("verify.js");
    private static final String STYLE = resource("verify.css");
    private static final String ICON = resource("icon.svg");

    private final LinkWallet linking;

    public VerifyRoutes(LinkWallet linking) {
        this.linking = linking;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/verify/{nonce}", Route.Access.PUBLIC, "The wallet-linking page for a /verify challenge",
                        Route.Reply.media("text/html"), this::page),
                Route.get("/verify/assets/verify.js", Route.Access.PUBLIC, "The wallet-linking page's script",
                        Route.Reply.media("text/javascript"),
                        call -> asset(call, "text/javascript; charset=utf-8", SCRIPT)),
                Route.get("/verify/assets/verify.css", Route.Access.PUBLIC, "The wallet-linking page's style",
                        Route.Reply.media("text/css"), call -> asset(call, "text/css; charset=utf-8", STYLE)),
                Route.get("/verify/assets/icon.svg", Route.Access.PUBLIC, "The wallet-linking page's icon",
                        Route.Reply.media("image/svg+xml"), call -> asset(call, "image/svg+xml", ICON)),
                Route.get("/api/verify/{nonce}/message", Route.Access.PUBLIC,
                        "The EIP-4361 message a wallet signs to complete a challenge", MessageBody.class, this::message)
                        .withQuery("address"),
                Route.post("/api/verify/{nonce}", Route.Access.PUBLIC,
                        "Completes a challenge with the wallet's signature, linking the wallet", LinkedBody.class,
                        this::complete));
    }

    private void page(Call call) {
        Optional<LinkWallet.Refused> refused = linking.check(call.parameter("nonce"));
        call.responseHeader("Cache-Control", "no-store");
        call.responseHeader("Content-Security-Policy", CSP);
        String html = PAGE
                .replace("{{status}}", refused.map(r -> escape(r.message())).orElse(
                        "Connect the wallet you hold BGT in, then sign the message it shows. Signing costs nothing."))
                .replace("{{state}}", refused.isPresent() ? "error" : "ready")
                .replace("{{hidden}}", refused.isPresent() ? " hidden" : "");
        call.sendText(refused.map(r -> status(r.reason())).orElse(200), "text/html; charset=utf-8", html);
    }

    private static void asset(Call call, String type, String text) {
        call.responseHeader("Cache-Control", "public, max-age=300");
        call.sendText(200, type, text);
    }

    private void message(Call call) {
        var query = new Query();
        Optional<String> address = call.query("address");
        if (address.isEmpty()) {
            query.required();
        }
        query.check();
        respond(call, linking.message(call.parameter("nonce"), address.orElseThrow()));
    }

    private void complete(Call call) {
        var query = new Query();
        String address = query.requiredString(call.body().get("address"));
        String signature = query.requiredString(call.body().get("signature"));
        query.check();
        respond(call, linking.complete(call.parameter("nonce"), address, signature));
    }

    private static void respond(Call call, LinkWallet.Result result) {
        call.responseHeader("Cache-Control", "no-store");
        switch (result) {
            case LinkWallet.ToSign toSign -> call.ok(new MessageBody(toSign.message()));
            case LinkWallet.Linked linked -> call.ok(new LinkedBody(true, linked.wallet().value()));
            case LinkWallet.Refused refused -> throw new HttpError(status(refused.reason()), refused.message());
        }
    }

    private static int status(LinkWallet.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> 404;
            case EXPIRED -> 410;
            case USED -> 409;
            case INVALID -> 400;
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = VerifyRoutes.class.getResourceAsStream("/dev/sietch/http/verify/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
