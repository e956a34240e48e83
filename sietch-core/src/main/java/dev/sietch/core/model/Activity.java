package dev.sietch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's activity points. Points come from messages, reactions given and
 * reactions received; messages and reactions given count at most once per cooldown. The balance
 * decays by {@code rate} per whole {@code period}; the decay clock advances by whole periods only,
 * so the unfinished part of a period is kept and counts towards the next decay. The
 * cooldown times are part of the record, so they survive restarts and agree across instances.
 */
public record Activity(double balance, double peak, Instant lastDecayAt, Optional<Instant> lastActiveAt,
        long messages, long reactionsGiven, long reactionsReceived, Optional<Instant> lastMessageCountedAt,
        Optional<Instant> lastReactionCountedAt) {

    public enum Kind { MESSAGE, REACTION_GIVEN, REACTION_RECEIVED }

    /**
     * @param messagePoints points per counted message (1)
     * @param reactionGivenPoints points per counted reaction given (1)
     * @param reactionReceivedPoints points per reaction received (2; no cooldown)
     * @param messageCooldown at most one counted message per this (60 s)
     * @param reactionCooldown at most one counted reaction given per this (5 s)
     * @param decayRate the share lost per period (0.1)
     * @param decayPeriod (6 h)
     */
    public record Settings(int messagePoints, int reactionGivenPoints, int reactionReceivedPoints,
            Duration messageCooldown, Duration reactionCooldown, double decayRate, Duration decayPeriod) {

        public static final Settings DEFAULT = new Settings(1, 1, 2, Duration.ofSeconds(60), Duration.ofSeconds(5), 0.1,
                Duration.ofHours(6));

        public Settings {
            if (messagePoints < 0 || reactionGivenPoints < 0 || reactionReceivedPoints < 0) {
                throw new IllegalArgumentException("points must not be negative");
            }
            if (!(decayRate >= 0 && decayRate < 1)) {
                throw new IllegalArgumentException("the decay rate is in [0, 1)");
            }
            if (decayPeriod.isZero() || decayPeriod.isNegative()) {
                throw new IllegalArgumentException("the decay period must be positive");
            }
            Objects.requireNonNull(messageCooldown, "messageCooldown");
            Objects.requireNonNull(reactionCooldown, "reactionCooldown");
        }

        /** The points an event of {@code kind} is worth. */
        public int points(Kind kind) {
            return switch (kind) {
                case MESSAGE -> messagePoints;
                case REACTION_GIVEN -> reactionGivenPoints;
                case REACTION_RECEIVED -> reactionReceivedPoints;
            };
        }
    }

    public Activity {
        Objects.requireNonNull(lastDecayAt, "lastDecayAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(lastMessageCountedAt, "lastMessageCountedAt");
        Objects.requireNonNull(lastReactionCountedAt, "lastReactionCountedAt");
    }

    /** A member with no activity yet, decay counted from {@code since}. */
    public static Activity none(Instant since) {
        return new Activity(0, 0, since, Optional.empty(), 0, 0, 0, Optional.empty(), Optional.empty());
    }

    /** The balance after the whole decay periods elapsed by {@code now}; the partial period carries over. */
    public Activity decayed(Instant now, Settings settings) {
        long periods = Duration.between(lastDecayAt, now).toMillis() / settings.decayPeriod().toMillis();
        if (periods <= 0) {
            return this;
        }
        double kept = balance * Math.pow(1 - settings.decayRate(), periods);
        Instant decayedTo = lastDecayAt.plus(settings.decayPeriod().multipliedBy(periods));
        return new Activity(Math.max(0, kept), peak, decayedTo, lastActiveAt, messages, reactionsGiven,
                reactionsReceived, lastMessageCountedAt, lastReactionCountedAt);
    }

    /**
     * Records one event: decay first, then the points, unless the event's cooldown has not passed
     * (then empty: nothing changes).
     */
    public Optional<Activity> record(Kind kind, Instant now, Settings settings) {
        Optional<Instant> last = switch (kind) {
            case MESSAGE -> lastMessageCountedAt;
            case REACTION_GIVEN -> lastReactionCountedAt;
            case REACTION_RECEIVED -> Optional.empty();
        };
        Duration cooldown = kind == Kind.MESSAGE ? settings.messageCooldown() : settings.reactionCooldown();
        if (last.isPresent() && now.isBefore(last.get().plus(cooldown))) {
            return Optional.empty();
        }
        Activity d = decayed(now, settings);
        double added = d.balance + settings.points(kind);
        return Optional.of(new Activity(added, Math.max(d.peak, added), d.lastDecayAt, Optional.of(now),
                d.messages + (kind == Kind.MESSAGE ? 1 : 0),
                d.reactionsGiven + (kind == Kind.REACTION_GIVEN ? 1 : 0),
                d.reactionsReceived + (kind == Kind.REACTION_RECEIVED ? 1 : 0),
                kind == Kind.MESSAGE ? Optional.of(now) : d.lastMessageCountedAt,
                kind == Kind.REACTION_GIVEN ? Optional.of(now) : d.lastReactionCountedAt));
    }
}
