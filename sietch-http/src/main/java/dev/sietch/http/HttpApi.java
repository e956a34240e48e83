package dev.sietch.http;

import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.core.port.AdminOverrides;
import dev.sietch.core.port.AuditLog;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.port.ThresholdHistory;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.core.usecase.AwardBadge;
import dev.sietch.core.usecase.MemberChanges;
import dev.sietch.core.usecase.RevokeBadge;
import dev.sietch.core.usecase.SendTestAlert;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.core.usecase.ReadEligibility;
import dev.sietch.http.internal.HttpServer;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.route.AdminCommunityRoutes;
import dev.sietch.http.internal.route.AdminRoutes;
import dev.sietch.http.internal.route.AvatarRoutes;
import dev.sietch.http.internal.route.MemberRoutes;
import dev.sietch.http.internal.route.NaibRoutes;
import dev.sietch.http.internal.route.NotificationRoutes;
import dev.sietch.http.internal.route.ThresholdRoutes;
import dev.sietch.http.internal.route.VerifyRoutes;
import dev.sietch.http.internal.route.EligibilityRoutes;
import dev.sietch.http.internal.route.HealthRoutes;
import dev.sietch.http.internal.route.MetricsRoutes;
import dev.sietch.http.internal.route.OpenApiRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The running HTTP API. Build it with {@link #builder}, giving it the ports its routes read;
 * {@link #close()} drains requests in flight, then stops.
 */
public final class HttpApi implements AutoCloseable {

    private final HttpServer server;

    private HttpApi(HttpServer server) {
        this.server = server;
    }

    public static Builder builder(HttpSettings settings) {
        return new Builder(settings);
    }

    /** The bound address (the actual port when settings asked for port 0). */
    public InetSocketAddress address() {
        return server.address();
    }

    /** {@code METHOD /template} of every route, in routing order (what {@code /openapi.json} describes). */
    public List<String> routes() {
        return server.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    /** What the routes read; every part is required. */
    public static final class Builder {

        private final HttpSettings settings;
        private Clock clock = Clock.systemUTC();
        private SyncHealthSource syncHealth;
        private Duration syncInterval;
        private Duration gracePeriod;
        private RankingReader rankings;
        private RankingPolicy policy;
        private MeterRegistry registry;
        private Supplier<String> scrape;
        private AdminOverrides overrides;
        private AuditLog auditLog;
        private String version = "dev";
        private Members members;
        private WalletLinks walletLinks;
        private MemberBadges memberBadges;
        private NaibSeats naibSeats;
        private Waitlist waitlist;
        private ThresholdHistory thresholdHistory;
        private Notifications notifications;
        private LinkWallet linking;
        private Instant socialLaunch = TenureCategory.DEFAULT_LAUNCH;
        private MemberChanges memberChanges = new MemberChanges();

        private Builder(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param interval the period of the chain sync ({@code next_query} in {@code /health})
         * @param gracePeriod how long syncs may fail before the grace period ({@code /admin/health})
         */
        public Builder syncHealth(SyncHealthSource source, Duration interval, Duration gracePeriod) {
            this.syncHealth = source;
            this.syncInterval = interval;
            this.gracePeriod = gracePeriod;
            return this;
        }

        /** The current ranking and its thresholds ({@code /eligibility}, threshold and waitlist routes). */
        public Builder rankings(RankingReader reader, RankingPolicy policy) {
            this.rankings = reader;
            this.policy = policy;
            return this;
        }

        /**
         * @param registry where the HTTP request meters are registered
         * @param scrape the Prometheus text exposition served on {@code /metrics}
         */
        public Builder metrics(MeterRegistry registry, Supplier<String> scrape) {
            this.registry = registry;
            this.scrape = scrape;
            return this;
        }

        public Builder admin(AdminOverrides overrides, AuditLog auditLog) {
            this.overrides = overrides;
            this.auditLog = auditLog;
            return this;
        }

        /** Profiles, badges, seats, waitlist, threshold history and alerts (the member, Naib and threshold routes). */
        public Builder community(Members members, WalletLinks walletLinks, MemberBadges memberBadges, NaibSeats naibSeats,
                Waitlist waitlist, ThresholdHistory thresholdHistory, Notifications notifications) {
            this.members = members;
            this.walletLinks = walletLinks;
            this.memberBadges = memberBadges;
            this.naibSeats = naibSeats;
            this.waitlist = waitlist;
            this.thresholdHistory = thresholdHistory;
            this.notifications = notifications;
            return this;
        }

        /**
         * Who hears of badge changes made through the admin API: the Discord bot listens there, so a
         * member's roles follow an award whichever door it came through. Without it nobody listens.
         */
        public Builder memberChanges(MemberChanges changes) {
            this.memberChanges = Objects.requireNonNull(changes, "changes");
            return this;
        }

        /** When the social layer launched: tenure categories in member responses count from it. */
        public Builder socialLaunch(Instant launch) {
            this.socialLaunch = Objects.requireNonNull(launch, "launch");
            return this;
        }

        /** Wallet linking: the page {@code /verify} hands out and its calls (without it, those routes are absent). */
        public Builder walletLinking(LinkWallet linking) {
            this.linking = Objects.requireNonNull(linking, "linking");
            return this;
        }

        /** The version shown in {@code /openapi.json}. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Binds the listener and starts serving; fails if a part is missing or the address cannot be bound. */
        public HttpApi start() {
            Objects.requireNonNull(syncHealth, "syncHealth");
            Objects.requireNonNull(rankings, "rankings");
            Objects.requireNonNull(registry, "metrics");
            Objects.requireNonNull(overrides, "admin");
            Objects.requireNonNull(members, "community");
            var community = new ReadCommunity(members, walletLinks, naibSeats, rankings, policy);
            var routes = new ArrayList<Route>();
            routes.addAll(new HealthRoutes(syncHealth, syncInterval).routes());
            routes.addAll(new MetricsRoutes(scrape).routes());
            routes.addAll(new EligibilityRoutes(new ReadEligibility(rankings, syncHealth, policy, clock)).routes());
            routes.addAll(new AdminRoutes(overrides, auditLog, syncHealth, gracePeriod).routes());
            routes.addAll(new AdminCommunityRoutes(new AwardBadge(members, memberBadges, clock, memberChanges),
                    new RevokeBadge(members, memberBadges, clock, memberChanges),
                    new SendTestAlert(members, notifications, clock), notifications).routes());
            routes.addAll(new MemberRoutes(members, socialLaunch).routes());
            routes.addAll(new AvatarRoutes(members).routes());
            routes.addAll(new NaibRoutes(community).routes());
            routes.addAll(new ThresholdRoutes(community, thresholdHistory, waitlist).routes());
            routes.addAll(new NotificationRoutes(members, notifications, community).routes());
            if (linking != null) {
                routes.addAll(new VerifyRoutes(linking).routes());
            }
            routes.addAll(new OpenApiRoutes(List.copyOf(routes), version).routes());
            return new HttpApi(HttpServer.start(settings, List.copyOf(routes), registry, clock));
        }
    }
}
