package dev.sietch.http;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A community with something in every table (ranked wallets, members with and without pictures,
 * current and former Naib, a badge, overrides, alerts, preferences, a waitlist registration, a
 * wallet-linking challenge), and one request per route with the parameters that reach its success
 * body, plus requests that answer errors.
 */
final class ApiSamples {

    /** A request, who sends it, and the route template it exercises. */
    record Sample(String method, String template, String path, Caller caller, String body) {}

    enum Caller { ANYONE, ADMIN, MEMBER }

    /** The test member who calls the member routes (ranked, onboarded, a Naib). */
    static final int CALLER = 2;

    private final TestApi api;
    private final List<Sample> samples = new ArrayList<>();

    ApiSamples(TestApi api) {
        this.api = api;
    }

    /** Fills the store and returns the requests, in the order they are to be sent. */
    List<Sample> populate() {
        api.rank(100);
        MemberProfile first = api.member(1, "first", true);
        api.member(CALLER, "second", true);
        api.member(9, "ninth", true);
        api.member(12, "waiting", false);
        MemberProfile pictured = api.store.members().create(new Members.NewProfile(DiscordUserId.of(TestApi.discordId(20)), "pictured",
                Role.FEDAYKIN, Optional.empty(), Optional.of("https://pictures.example/p.png"), PictureSource.CUSTOM),
                api.clock.instant());
        api.store.members().completeOnboarding(pictured.memberId(), api.clock.instant());
        api.store.members().setCustomPicture(pictured.memberId(), new ProfilePicture(
                dev.sietch.http.fake.PictureServer.webp(dev.sietch.http.fake.PictureServer.thirds(256, 256)), 256),
                "https://sietch.example/api/pictures/" + pictured.memberId() + ".webp?v=1", api.clock.instant());
        MemberProfile gone = api.member(6, "gone", true);
        var held = api.store.rankings().atRank(6).orElseThrow().held();
        var seat = api.store.naibSeats().seat(gone.memberId(), 4, held, api.clock.instant().minus(Duration.ofDays(3)));
        api.store.naibSeats().unseat(seat.id(), "bumped", Optional.empty(), held, api.clock.instant().minus(Duration.ofHours(12)));
        api.clock.advance(Duration.ofHours(6));
        api.rank(100); // seats the onboarded Naib, records a threshold snapshot
        api.store.waitlist().register(DiscordUserId.of(TestApi.discordId(75)), TestApi.wallet(75), 75,
                api.store.rankings().atRank(75).orElseThrow().held(), api.clock.instant());

        admin("POST", "/admin/badges/award", "/admin/badges/award", "{\"member_id\":\"" + first.memberId()
                + "\",\"badge_id\":\"helper\",\"awarded_by\":\"council\",\"reason\":\"for testing\"}");
        admin("POST", "/admin/badges/award", "/admin/badges/award", "{\"member_id\":\"" + first.memberId()
                + "\",\"badge_id\":\"contributor\",\"awarded_by\":\"council\"}");
        admin("DELETE", "/admin/badges/{memberId}/{badgeId}", "/admin/badges/" + first.memberId() + "/contributor", null);
        admin("DELETE", "/admin/badges/{memberId}/{badgeId}", "/admin/badges/" + first.memberId() + "/contributor", null);
        admin("POST", "/admin/override", "/admin/override", "{\"address\":\"" + TestApi.wallet(90).value()
                + "\",\"action\":\"add\",\"reason\":\"partner\",\"expires_at\":\"2027-01-01T00:00:00Z\"}");
        admin("POST", "/admin/override", "/admin/override", "{\"address\":\"" + TestApi.wallet(3).value()
                + "\",\"action\":\"remove\",\"reason\":\"sold\"}");
        admin("POST", "/admin/override", "/admin/override", "{\"action\":\"keep\"}");
        admin("DELETE", "/admin/override/{id}", "/admin/override/2", null);
        admin("POST", "/admin/alerts/test/{memberId}", "/admin/alerts/test/" + first.memberId(), null);
        member("PUT", "/api/notifications/preferences", "{\"position_updates\":false,\"frequency\":\"daily\"}");
        admin("POST", "/admin/alerts/test/{memberId}", "/admin/alerts/test/" + api.store.members()
                .byDiscordId(DiscordUserId.of(TestApi.discordId(CALLER))).orElseThrow().memberId(), null);
        member("PUT", "/api/notifications/preferences", "{\"frequency\":\"hourly\"}");

        anyone("/health", "/health");
        anyone("/metrics", "/metrics");
        anyone("/openapi.json", "/openapi.json");
        anyone("/eligibility", "/eligibility");
        anyone("/eligibility/{address}", "/eligibility/" + TestApi.wallet(1).value());
        anyone("/eligibility/{address}", "/eligibility/" + TestApi.wallet(500).value());
        anyone("/eligibility/{address}", "/eligibility/0x12");
        admin("GET", "/admin/overrides", "/admin/overrides", null);
        admin("GET", "/admin/audit-log", "/admin/audit-log?limit=50", null);
        admin("GET", "/admin/health", "/admin/health", null);
        admin("GET", "/admin/alerts/stats", "/admin/alerts/stats", null);
        admin("POST", "/admin/alerts/reset-counters", "/admin/alerts/reset-counters", null);
        member("GET", "/api/profile", null);
        anyone("/api/members/{nym}", "/api/members/pictured");
        anyone("/api/members/{nym}", "/api/members/nobody");
        anyone("/api/directory", "/api/directory?page_size=3&sort_by=badgeCount&sort_dir=desc");
        anyone("/api/directory", "/api/directory?tier=emperor");
        anyone("/api/badges", "/api/badges");
        anyone("/api/leaderboard", "/api/leaderboard?limit=10");
        anyone("/api/avatars/{file}", "/api/avatars/" + first.memberId() + ".svg");
        anyone("/api/avatars/{file}", "/api/avatars/" + first.memberId() + ".png");
        anyone("/api/pictures/{file}", "/api/pictures/" + pictured.memberId() + ".webp");
        anyone("/api/pictures/{file}", "/api/pictures/" + first.memberId() + ".webp");
        anyone("/api/naib", "/api/naib");
        anyone("/api/naib/current", "/api/naib/current");
        anyone("/api/naib/former", "/api/naib/former");
        anyone("/api/naib/member/{memberId}", "/api/naib/member/" + gone.memberId());
        anyone("/api/naib/member/{memberId}", "/api/naib/member/" + first.memberId());
        anyone("/api/threshold", "/api/threshold");
        anyone("/api/threshold/history", "/api/threshold/history");
        anyone("/api/waitlist/status/{address}", "/api/waitlist/status/" + TestApi.wallet(75).value());
        anyone("/api/waitlist/status/{address}", "/api/waitlist/status/" + TestApi.wallet(3).value());
        member("GET", "/api/notifications/preferences", null);
        member("GET", "/api/notifications/history", null);
        member("GET", "/api/position", null);

        String nonce = nonce(api.linking.start(DiscordUserId.of(TestApi.discordId(30))).page().toString());
        String address = TestApi.wallet(30).value();
        anyone("/verify/{nonce}", "/verify/" + nonce);
        anyone("/verify/assets/verify.js", "/verify/assets/verify.js");
        anyone("/verify/assets/verify.css", "/verify/assets/verify.css");
        anyone("/verify/assets/icon.svg", "/verify/assets/icon.svg");
        anyone("/api/verify/{nonce}/message", "/api/verify/" + nonce + "/message?address=" + address);
        samples.add(new Sample("POST", "/api/verify/{nonce}", "/api/verify/" + nonce, Caller.ANYONE,
                "{\"address\":\"" + address + "\",\"signature\":\"" + address + "\"}"));
        anyone("/api/verify/{nonce}/message", "/api/verify/" + nonce + "/message?address=" + address);
        return List.copyOf(samples);
    }

    HttpResponse<String> send(Sample sample) throws Exception {
        return switch (sample.caller()) {
            case ANYONE -> api.send(sample.method(), sample.path(), sample.body(), "Content-Type", "application/json");
            case ADMIN -> api.admin(sample.method(), sample.path(), sample.body());
            case MEMBER -> api.asMember(CALLER, sample.method(), sample.path(), sample.body());
        };
    }

    private void anyone(String template, String path) {
        samples.add(new Sample("GET", template, path, Caller.ANYONE, null));
    }

    private void admin(String method, String template, String path, String body) {
        samples.add(new Sample(method, template, path, Caller.ADMIN, body));
    }

    private void member(String method, String template, String body) {
        samples.add(new Sample(method, template, template, Caller.MEMBER, body));
    }

    private static String nonce(String page) {
        return page.substring(page.lastIndexOf('/') + 1);
    }
}
