package dev.sietch.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A fake Discord for tests: a REST API ({@link #restUrl()}, for {@code RestConfig#setBaseUrl}) and
 * a WebSocket gateway ({@link #gatewayUrl()}, for a {@code SessionController}), speaking JSON
 * without compression. It holds one guild with roles, members and channels; it records every REST
 * call for assertions; it can answer REST calls with 429 and the rate-limit headers; it can
 * dispatch gateway events and drop the gateway socket (the client then RESUMEs).
 */
public final class FakeDiscord implements AutoCloseable {

    public static final long APPLICATION_ID = 900_000_000_000_000_001L;
    public static final long BOT_ID = APPLICATION_ID;
    public static final String TOKEN = "fake-bot-token";

    /** One REST call as received. */
    public record Call(String method, String path, String body, Instant at) {
        public DataObject json() {
            return DataObject.fromJson(body);
        }

        public DataArray jsonArray() {
            return DataArray.fromJson(body);
        }
    }

    public record Role(long id, String name, int position) {}

    public record Member(long id, String username, List<Long> roles) {}

    public record Channel(long id, String name, int type) {}

    private final long guildId;
    private final Map<Long, Role> roles = new ConcurrentHashMap<>();
    private final Map<Long, Long> rolePermissions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Member> members = new ConcurrentHashMap<>();
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<DataObject> posted = new CopyOnWriteArrayList<>();
    private final Map<String, DataObject> messagesByNonce = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(950_000_000_000_000_000L);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger snowflakes = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private volatile Duration retryAfter = Duration.ofMillis(200);
    /** Discord's per-route bucket for member role changes: {@link #ROLE_LIMIT} per {@link #ROLE_WINDOW_MILLIS}. */
    static final int ROLE_LIMIT = 10;
    static final long ROLE_WINDOW_MILLIS = 100;
    private long roleWindowStart;
    private int roleWindowCount;
    private final AtomicInteger roleRateLimited = new AtomicInteger();
    private volatile String sessionId = "session-1";
    /** Direct-message channel id → the user it reaches. */
    private final Map<Long, Long> dmChannels = new ConcurrentHashMap<>();
    private final java.util.Set<Long> closedDms = ConcurrentHashMap.newKeySet();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();

    /** A planned failure: the next {@code remaining} calls matching answer {@code status} with Discord error {@code code}. */
    private record Failure(String method, Predicate<String> path, int status, int code, AtomicInteger remaining) {}
    private volatile DataArray commands = DataArray.empty();

    private final HttpServer rest;
    private final WebSocketServer gateway;

    public FakeDiscord(long guildId) throws IOException {
        this.guildId = guildId;
        roles.put(guildId, new Role(guildId, "@everyone", 0)); // the @everyone role has the guild's id
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/", this::handleRest);
        rest.setExecutor(Executors.newCachedThreadPool());
        rest.start();
        gateway = new WebSocketServer(new Gateway());
    }

    // ---- state

    public long guildId() {
        return guildId;
    }

    public Role addRole(String name) {
        var role = new Role(ids.incrementAndGet(), name, roles.size());
        roles.put(role.id(), role);
        return role;
    }

    /** A role carrying Discord's permission bits (e.g. 8: Administrator); add it before the bot logs in. */
    public Role addRole(String name, long permissions) {
        Role role = addRole(name);
        rolePermissions.put(role.id(), permissions);
        return role;
    }

    public Member addMember(long id, String username, Long... roleIds) {
        var member = new Member(id, username, List.of(roleIds));
        members.put(id, member);
        return member;
    }

    public Channel addTextChannel(String name) {
        var channel = new Channel(ids.incrementAndGet(), name, 0);
        channels.put(channel.id(), channel);
        return channel;
    }

    public Optional<Member> member(long id) {
        return Optional.ofNullable(members.get(id));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, Predicate<String> path) {
        return calls.stream().filter(c -> c.method().equals(method) && path.test(c.path())).toList();
    }

    /** Messages created in {@code channelId}, oldest first (a repeated nonce creates none). */
    public List<DataObject> messages(long channelId) {
        return posted.stream().filter(m -> m.getString("channel_id").equals(Long.toString(channelId))).toList();
    }

    /** Messages the bot sent to {@code userId} in direct messages, oldest first. */
    public List<DataObject> directMessages(long userId) {
        return dmChannels.entrySet().stream().filter(e -> e.getValue() == userId)
                .flatMap(e -> messages(e.getKey()).stream()).toList();
    }

    /** Deletes a message, as a moderator would. */
    public void deleteMessage(String messageId) {
        posted.removeIf(p -> p.getString("id").equals(messageId));
    }

    /** {@code userId} does not accept direct messages from the bot (Discord answers 50007). */
    public void closeDirectMessages(long userId) {
        closedDms.add(userId);
    }

    /**
     * The next {@code count} calls of {@code method} on a path matching {@code path} fail with
     * {@code status} and Discord error {@code code} (e.g. 403 / 50001 Missing Access).
     */
    public void failNext(String method, Predicate<String> path, int count, int status, int code) {
        failures.add(new Failure(method, path, status, code, new AtomicInteger(count)));
    }

    public int identifies() {
        return identifies.get();
    }

    public int resumes() {
        return resumes.get();
    }

    /** How many role changes were refused for exceeding the role bucket (a client that paces itself gets none). */
    public int roleRateLimited() {
        return roleRateLimited.get();
    }

    /** The next {@code count} REST calls are answered 429 with {@code retry_after}. */
    public void rateLimitNext(int count, Duration retryAfter) {
        this.retryAfter = retryAfter;
        rateLimited.set(count);
    }

    public String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.port() + "/";
    }

    /** Where a client reaches this fake. */
    public dev.sietch.discord.SietchBot.Endpoints endpoints() {
        return new dev.sietch.discord.SietchBot.Endpoints(java.net.URI.create(restUrl()), java.net.URI.create(gatewayUrl()));
    }

    /** Sends a dispatch to every connected gateway session. */
    public void dispatch(String type, DataObject data) {
        String frame = DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet()).put("d", data)
                .toString();
        gateway.connections().forEach(c -> c.sendText(frame));
    }

    /**
     * A member uses a slash command in the guild's first text channel: dispatches INTERACTION_CREATE
     * and returns the interaction's id (its callback is {@code POST /interactions/{id}/{token}/callback}).
     */
    public long slashCommand(long userId, String name) {
        return slashCommand(userId, name, DataArray.empty());
    }

    /** A slash command with options (for a subcommand: one option of type 1 holding its own options). */
    public long slashCommand(long userId, String name, DataArray options) {
        var commandId = commands.stream(DataArray::getObject).filter(c -> c.getString("name").equals(name))
                .map(c -> c.getString("id")).findFirst().orElse(Long.toString(ids.incrementAndGet()));
        return guildInteraction(userId, 2, DataObject.empty().put("id", commandId).put("name", name).put("type", 1)
                .put("guild_id", Long.toString(guildId)).put("options", options));
    }

    /**
     * A member clicks a button ({@code customId}) on a message of the bot in the guild's first
     * text channel: dispatches INTERACTION_CREATE (type 3) and returns the interaction's id.
     */
    public long button(long userId, String customId) {
        return guildInteraction(userId, 3, DataObject.empty().put("custom_id", customId).put("component_type", 2));
    }

    /** A member picks {@code values} in a string select menu ({@code customId}) on a bot message in the guild. */
    public long select(long userId, String customId, String... values) {
        var picked = DataArray.empty();
        for (String value : values) {
            picked.add(value);
        }
        return guildInteraction(userId, 3, DataObject.empty().put("custom_id", customId).put("component_type", 3)
                .put("values", picked));
    }

    /**
     * A member types into an option with suggestions: {@code options} as for {@link #slashCommand},
     * one of them carrying {@code "focused": true}. Returns the interaction's id (its callback, type
     * 8, carries the choices).
     */
    public long autocomplete(long userId, String name, DataArray options) {
        var commandId = commands.stream(DataArray::getObject).filter(c -> c.getString("name").equals(name))
                .map(c -> c.getString("id")).findFirst().orElse(Long.toString(ids.incrementAndGet()));
        return guildInteraction(userId, 4, DataObject.empty().put("id", commandId).put("name", name).put("type", 1)
                .put("guild_id", Long.toString(guildId)).put("options", options));
    }

    /** Dispatches an interaction of {@code type} by a member in the guild's first text channel. */
    private long guildInteraction(long userId, int type, DataObject data) {
        Member member = members.get(userId);
        Channel channel = firstChannel();
        long id = snowflakeNow();
        var payload = interaction(id, type, Long.toString(channel.id()), data)
                .put("guild_id", Long.toString(guildId))
                .put("guild", DataObject.empty().put("id", Long.toString(guildId)).put("locale", "en-US")
                        .put("features", DataArray.empty()))
                .put("channel", channelJson(channel))
                .put("member", memberJson(member).put("permissions", "0"))
                .put("guild_locale", "en-US").put("context", 0);
        dispatch("INTERACTION_CREATE", payload);
        return id;
    }

    /** What every interaction carries; a component interaction (type 3) also the bot's message it is on. */
    private DataObject interaction(long id, int type, String channelId, DataObject data) {
        var payload = DataObject.empty()
                .put("id", Long.toString(id)).put("application_id", Long.toString(APPLICATION_ID)).put("type", type)
                .put("token", "token-" + id).put("version", 1).put("channel_id", channelId).put("locale", "en-US")
                .put("authorizing_integration_owners", DataObject.empty().put("0", Long.toString(guildId)))
                .put("app_permissions", "0").put("entitlements", DataArray.empty()).put("data", data);
        if (type == 3) {
            payload.put("message", botMessage(DataObject.empty().put("content", "").put("embeds", DataArray.empty())
                    .put("components", DataArray.empty()).put("flags", 0), channelId));
        }
        return payload;
    }

    /** A user clicks a button on a message the bot sent them by DM; returns the interaction's id. */
    public long dmButton(long userId, String customId) {
        return dmInteraction(userId, 3, DataObject.empty().put("custom_id", customId).put("component_type", 2));
    }

    /** A user submits a modal in their DM with the bot ({@code values}: text input id → value). */
    public long dmModal(long userId, String customId, Map<String, String> values) {
        var components = DataArray.empty();
        int unique = 1;
        for (var entry : values.entrySet()) {
            components.add(DataObject.empty().put("type", 18).put("id", unique++).put("component", DataObject.empty()
                    .put("type", 4).put("id", unique++).put("custom_id", entry.getKey()).put("value", entry.getValue())));
        }
        return dmInteraction(userId, 5, DataObject.empty().put("custom_id", customId).put("components", components));
    }

    private long dmInteraction(long userId, int type, DataObject data) {
        Member member = members.get(userId);
        long channelId = dmChannelOf(userId);
        long id = snowflakeNow();
        dispatch("INTERACTION_CREATE", interaction(id, type, Long.toString(channelId), data)
                .put("channel", DataObject.empty().put("id", Long.toString(channelId)).put("type", 1)
                        .put("last_message_id", null).put("flags", 0)
                        .put("recipients", DataArray.empty().add(user(userId, member.username(), false))))
                .put("user", user(userId, member.username(), false))
                .put("context", 1));
        return id;
    }

    /** The DM channel with {@code userId}, created on first use. */
    private long dmChannelOf(long userId) {
        synchronized (dmChannels) {
            return dmChannels.entrySet().stream().filter(e -> e.getValue() == userId).map(Map.Entry::getKey)
                    .findFirst().orElseGet(() -> {
                        long created = ids.incrementAndGet();
                        dmChannels.put(created, userId);
                        return created;
                    });
        }
    }

    private Channel firstChannel() {
        return channels.values().stream().findFirst().orElseThrow(() -> new IllegalStateException("no channel"));
    }

    /** {@code fields} completed into a message of the bot in {@code channelId}, as Discord returns one. */
    private DataObject botMessage(DataObject fields, String channelId) {
        return fields.put("id", Long.toString(ids.incrementAndGet())).put("channel_id", channelId)
                .put("author", user(BOT_ID, "sietch", true)).put("type", 0).put("timestamp", Instant.now().toString())
                .put("pinned", false).put("tts", false).put("mention_everyone", false).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("attachments", DataArray.empty())
                .put("embeds", richEmbeds(fields.optArray("embeds").orElse(DataArray.empty())));
    }

    /**
     * Someone (e.g. Collab.Land) gives {@code userId} a role: the member is updated and
     * GUILD_MEMBER_UPDATE dispatched with the new role list.
     */
    public void giveRole(long userId, long roleId) {
        Member member = members.get(userId);
        var updated = new ArrayList<>(member.roles());
        updated.add(roleId);
        Member now = new Member(userId, member.username(), List.copyOf(updated));
        members.put(userId, now);
        dispatch("GUILD_MEMBER_UPDATE", memberJson(now).put("guild_id", Long.toString(guildId)));
    }

    /** A member posts a message in the guild's first text channel (MESSAGE_CREATE); returns its id. */
    public long message(long userId) {
        Member member = members.get(userId);
        Channel channel = firstChannel();
        long id = ids.incrementAndGet();
        var guildMember = memberJson(member);
        guildMember.remove("user");
        dispatch("MESSAGE_CREATE", DataObject.empty().put("id", Long.toString(id))
                .put("channel_id", Long.toString(channel.id())).put("guild_id", Long.toString(guildId))
                .put("author", user(member.id(), member.username(), false)).put("member", guildMember)
                .put("content", "").put("timestamp", Instant.now().toString()).put("edited_timestamp", null)
                .put("tts", false).put("mention_everyone", false).put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty()).put("attachments", DataArray.empty())
                .put("embeds", DataArray.empty()).put("components", DataArray.empty()).put("pinned", false)
                .put("type", 0).put("flags", 0));
        return id;
    }

    /** {@code userId} reacts to message {@code messageId} of {@code authorId} (MESSAGE_REACTION_ADD). */
    public void reaction(long userId, long messageId, long authorId) {
        Member member = members.get(userId);
        Channel channel = firstChannel();
        dispatch("MESSAGE_REACTION_ADD", DataObject.empty().put("user_id", Long.toString(userId))
                .put("channel_id", Long.toString(channel.id())).put("message_id", Long.toString(messageId))
                .put("guild_id", Long.toString(guildId)).put("member", memberJson(member))
                .put("emoji", DataObject.empty().put("id", null).put("name", "\uD83D\uDD25"))
                .put("message_author_id", Long.toString(authorId)).put("burst", false).put("type", 0));
    }

    /** Waits (at most {@code timeout}) for a REST call matching {@code method} and {@code path}. */
    public Call awaitCall(String method, Predicate<String> path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Call> found = calls.stream().filter(c -> c.method().equals(method) && path.test(c.path())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + method + " call matching within " + timeout + "; calls: " + calls);
    }

    /** Drops every gateway socket without a close frame, as a network failure would. */
    public void dropGateway() {
        gateway.connections().forEach(WebSocketServer.Connection::drop);
    }

    /** A snowflake for now: JDA reads an interaction's age (for its 15-minute follow-up window) from its id. */
    private long snowflakeNow() {
        return ((System.currentTimeMillis() - 1_420_070_400_000L) << 22) | (snowflakes.incrementAndGet() & 0xFFF);
    }

    // ---- JSON

    private DataObject user(long id, String username, boolean bot) {
        return DataObject.empty().put("id", Long.toString(id)).put("username", username).put("discriminator", "0")
                .put("global_name", null).put("avatar", null).put("bot", bot).put("system", false)
                .put("verified", true).put("mfa_enabled", false).put("public_flags", 0);
    }

    private DataObject memberJson(Member member) {
        var roleIds = DataArray.empty();
        member.roles().forEach(r -> roleIds.add(Long.toString(r)));
        return DataObject.empty().put("user", user(member.id(), member.username(), false)).put("roles", roleIds)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).put("nick", null).put("avatar", null);
    }

    private DataObject roleJson(Role role) {
        return DataObject.empty().put("id", Long.toString(role.id())).put("name", role.name()).put("color", 0)
                .put("hoist", false).put("position", role.position())
                .put("permissions", Long.toString(rolePermissions.getOrDefault(role.id(), 0L))).put("managed", false)
                .put("mentionable", false).put("flags", 0)
                .put("colors", DataObject.empty().put("primary_color", 0).put("secondary_color", null)
                        .put("tertiary_color", null));
    }

    private DataObject channelJson(Channel channel) {
        return DataObject.empty().put("id", Long.toString(channel.id())).put("type", channel.type())
                .put("guild_id", Long.toString(guildId)).put("name", channel.name()).put("position", 0)
                .put("permission_overwrites", DataArray.empty()).put("nsfw", false).put("topic", null)
                .put("parent_id", null).put("last_message_id", null).put("rate_limit_per_user", 0);
    }

    private DataObject guildJson() {
        var roleArray = DataArray.empty();
        roles.values().forEach(r -> roleArray.add(roleJson(r)));
        var memberArray = DataArray.empty();
        memberArray.add(memberJson(new Member(BOT_ID, "sietch", List.of())).put("user", user(BOT_ID, "sietch", true)));
        members.values().forEach(m -> memberArray.add(memberJson(m)));
        var channelArray = DataArray.empty();
        channels.values().forEach(c -> channelArray.add(channelJson(c)));
        return DataObject.empty().put("id", Long.toString(guildId)).put("name", "Sietch").put("icon", null)
                .put("owner_id", Long.toString(BOT_ID)).put("unavailable", false).put("large", false)
                .put("member_count", memberArray.length()).put("members", memberArray).put("roles", roleArray)
                .put("channels", channelArray).put("threads", DataArray.empty()).put("emojis", DataArray.empty())
                .put("stickers", DataArray.empty()).put("features", DataArray.empty())
                .put("voice_states", DataArray.empty()).put("presences", DataArray.empty())
                .put("guild_scheduled_events", DataArray.empty()).put("stage_instances", DataArray.empty())
                .put("premium_progress_bar_enabled", false).put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("preferred_locale", "en-US").put("system_channel_flags", 0);
    }

    // ---- gateway

    private final class Gateway implements WebSocketServer.Handler {
        @Override
        public void opened(WebSocketServer.Connection connection) {
            connection.sendText(DataObject.empty().put("op", 10).put("s", null).put("t", null)
                    .put("d", DataObject.empty().put("heartbeat_interval", 41_250)).toString());
        }

        @Override
        public void message(WebSocketServer.Connection connection, String text) {
            DataObject frame = DataObject.fromJson(text);
            switch (frame.getInt("op")) {
                case 1 -> connection.sendText("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                case 2 -> {
                    identifies.incrementAndGet();
                    sessionId = "session-" + identifies.get();
                    sequence.set(0);
                    var guilds = DataArray.empty().add(DataObject.empty().put("id", Long.toString(guildId))
                            .put("unavailable", true));
                    send(connection, "READY", DataObject.empty().put("v", 10).put("user", user(BOT_ID, "sietch", true))
                            .put("guilds", guilds).put("private_channels", DataArray.empty())
                            .put("session_id", sessionId).put("resume_gateway_url", gatewayUrl())
                            .put("application", DataObject.empty().put("id", Long.toString(APPLICATION_ID)).put("flags", 0)));
                    send(connection, "GUILD_CREATE", guildJson());
                }
                case 6 -> {
                    resumes.incrementAndGet();
                    send(connection, "RESUMED", DataObject.empty());
                }
                case 8 -> {
                    var all = DataArray.empty();
                    all.add(memberJson(new Member(BOT_ID, "sietch", List.of())).put("user", user(BOT_ID, "sietch", true)));
                    members.values().forEach(m -> all.add(memberJson(m)));
                    DataObject request = frame.getObject("d");
                    send(connection, "GUILD_MEMBERS_CHUNK", DataObject.empty().put("guild_id", Long.toString(guildId))
                            .put("members", all).put("chunk_index", 0).put("chunk_count", 1)
                            .put("nonce", request.getString("nonce", null)));
                }
                default -> { } // presence updates and the like
            }
        }

        @Override
        public void closed(WebSocketServer.Connection connection) {}

        private void send(WebSocketServer.Connection connection, String type, DataObject data) {
            connection.sendText(DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet())
                    .put("d", data).toString());
        }
    }

    // ---- REST

    private static final Pattern MEMBER_ROLE = Pattern.compile("/api/v10/guilds/(\\d+)/members/(\\d+)/roles/(\\d+)");
    private static final Pattern GUILD_COMMANDS = Pattern.compile("/api/v10/applications/(\\d+)/guilds/(\\d+)/commands");
    private static final Pattern INTERACTION_CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern FOLLOWUP = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)(/messages/@original)?");
    private static final Pattern GUILD_MEMBER = Pattern.compile("/api/v10/guilds/(\\d+)/members/(\\d+)");

    private void handleRest(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(method, path, body, Instant.now()));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Via", "1.1 google"); // as Discord's; without it JDA assumes a Cloudflare ban
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            double seconds = retryAfter.toMillis() / 1000.0;
            exchange.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(seconds)));
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            exchange.getResponseHeaders().add("X-RateLimit-Reset-After", Double.toString(seconds));
            exchange.getResponseHeaders().add("X-RateLimit-Bucket", "fake-bucket");
            exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
            respond(exchange, 429, DataObject.empty().put("message", "You are being rate limited.")
                    .put("retry_after", seconds).put("global", false).toString());
            return;
        }
        exchange.getResponseHeaders().add("X-RateLimit-Limit", "50");
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", "49");
        exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "1.0");
        exchange.getResponseHeaders().add("X-RateLimit-Bucket", "fake-" + Math.abs(path.hashCode()));
        if (!("Bot " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && !path.startsWith("/api/v10/interactions/")) {
            respond(exchange, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
            return;
        }
        for (Failure failure : failures) {
            if (failure.method().equals(method) && failure.path().test(path)
                    && failure.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, failure.status(), DataObject.empty().put("message", "Planned failure")
                        .put("code", failure.code()).toString());
                return;
            }
        }
        Matcher m;
        if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
            respond(exchange, 200, user(BOT_ID, "sietch", true).toString());
        } else if ((m = GUILD_COMMANDS.matcher(path)).matches() && method.equals("PUT")) {
            DataArray requested = DataArray.fromJson(body);
            var stored = DataArray.empty();
            for (int i = 0; i < requested.length(); i++) {
                stored.add(requested.getObject(i).put("id", Long.toString(ids.incrementAndGet()))
                        .put("application_id", Long.toString(APPLICATION_ID)).put("guild_id", m.group(2))
                        .put("version", "1").put("type", requested.getObject(i).getInt("type", 1)));
            }
            commands = stored;
            respond(exchange, 200, stored.toString());
        } else if ((m = GUILD_COMMANDS.matcher(path)).matches() && method.equals("GET")) {
            respond(exchange, 200, commands.toString());
        } else if ((m = MEMBER_ROLE.matcher(path)).matches() && (method.equals("PUT") || method.equals("DELETE"))) {
            if (!roleBucket(exchange)) {
                return;
            }
            long user = Long.parseLong(m.group(2));
            long role = Long.parseLong(m.group(3));
            Member member = members.get(user);
            if (member == null || !roles.containsKey(role)) {
                respond(exchange, 404, "{\"message\":\"Unknown Member\",\"code\":10007}");
                return;
            }
            var updated = new ArrayList<>(member.roles());
            updated.remove(role);
            if (method.equals("PUT")) {
                updated.add(role);
            }
            members.put(user, new Member(user, member.username(), List.copyOf(updated)));
            respond(exchange, 204, "");
        } else if (INTERACTION_CALLBACK.matcher(path).matches() && method.equals("POST")) {
            respond(exchange, 204, "");
        } else if ((m = FOLLOWUP.matcher(path)).matches() && (method.equals("POST") || method.equals("PATCH"))) {
            // an interaction's follow-up message, or an edit of its original response
            DataObject sent = DataObject.fromJson(body.isEmpty() ? "{}" : body);
            respond(exchange, 200, botMessage(sent, Long.toString(firstChannel().id())).toString());
        } else if (method.equals("POST") && path.equals("/api/v10/users/@me/channels")) {
            long recipient = DataObject.fromJson(body).getLong("recipient_id");
            long channelId = dmChannelOf(recipient);
            Member member = members.get(recipient);
            respond(exchange, 200, DataObject.empty().put("id", Long.toString(channelId)).put("type", 1)
                    .put("last_message_id", null).put("recipients", DataArray.empty()
                            .add(user(recipient, member == null ? "user" + recipient : member.username(), false)))
                    .toString());
        } else if ((m = GUILD_MEMBER.matcher(path)).matches() && method.equals("GET")) {
            Member member = members.get(Long.parseLong(m.group(2)));
            if (member == null) {
                respond(exchange, 404, "{\"message\":\"Unknown Member\",\"code\":10007}");
            } else {
                respond(exchange, 200, memberJson(member).toString());
            }
        } else if ((m = CHANNEL_MESSAGE.matcher(path)).matches() && method.equals("PATCH")) {
            String messageId = m.group(2);
            var existing = posted.stream().filter(p -> p.getString("id").equals(messageId)).findFirst();
            if (existing.isEmpty()) {
                respond(exchange, 404, "{\"message\":\"Unknown Message\",\"code\":10008}");
                return;
            }
            DataObject edit = DataObject.fromJson(body);
            DataObject message = existing.get();
            edit.optArray("embeds").ifPresent(embeds -> message.put("embeds", richEmbeds(embeds)));
            edit.opt("content").ifPresent(content -> message.put("content", content));
            message.put("edited_timestamp", Instant.now().toString());
            respond(exchange, 200, message.toString());
        } else if ((m = CHANNEL_MESSAGE.matcher(path)).matches() && method.equals("DELETE")) {
            String messageId = m.group(2);
            posted.removeIf(p -> p.getString("id").equals(messageId));
            respond(exchange, 204, "");
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            Long dmUser = dmChannels.get(Long.parseLong(m.group(1)));
            if (dmUser != null && closedDms.contains(dmUser)) {
                respond(exchange, 403, "{\"message\":\"Cannot send messages to this user\",\"code\":50007}");
                return;
            }
            DataObject sent = DataObject.fromJson(body.isEmpty() ? "{}" : body);
            String nonce = sent.getString("nonce", null);
            if (nonce != null && sent.getBoolean("enforce_nonce", false) && messagesByNonce.containsKey(nonce)) {
                respond(exchange, 200, messagesByNonce.get(nonce).toString()); // Discord returns the first message
                return;
            }
            DataObject message = botMessage(sent, m.group(1));
            if (nonce != null) {
                messagesByNonce.put(nonce, message);
            }
            posted.add(message);
            respond(exchange, 200, message.toString());
        } else {
            respond(exchange, 404, "{\"message\":\"Unknown route in the fake Discord\",\"code\":0}");
        }
    }

    /** Embeds as Discord returns them: with {@code type: rich}. */
    private static DataArray richEmbeds(DataArray embeds) {
        var rich = DataArray.empty();
        for (int i = 0; i < embeds.length(); i++) {
            rich.add(embeds.getObject(i).put("type", "rich"));
        }
        return rich;
    }

    /** Counts a role change against its bucket and sets the bucket's headers; answers 429 (false) when over. */
    private boolean roleBucket(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        int count;
        long resetAfter;
        synchronized (this) {
            if (now - roleWindowStart >= ROLE_WINDOW_MILLIS) {
                roleWindowStart = now;
                roleWindowCount = 0;
            }
            count = ++roleWindowCount;
            resetAfter = roleWindowStart + ROLE_WINDOW_MILLIS - now;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(ROLE_LIMIT));
        headers.set("X-RateLimit-Remaining", Integer.toString(Math.max(0, ROLE_LIMIT - count)));
        headers.set("X-RateLimit-Reset-After", String.format(java.util.Locale.ROOT, "%.3f", resetAfter / 1000.0));
        headers.set("X-RateLimit-Bucket", "member-roles");
        if (count <= ROLE_LIMIT) {
            return true;
        }
        roleRateLimited.incrementAndGet();
        headers.set("Retry-After", "1");
        headers.set("X-RateLimit-Scope", "user");
        respond(exchange, 429, DataObject.empty().put("message", "You are being rate limited.")
                .put("retry_after", resetAfter / 1000.0).put("global", false).toString());
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() throws IOException {
        gateway.close();
        rest.stop(0);
    }
}
