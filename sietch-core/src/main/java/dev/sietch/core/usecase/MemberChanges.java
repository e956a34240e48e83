package dev.sietch.core.usecase;

import dev.sietch.core.model.MemberProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever listens that a member's badges changed, whichever door the change came through (the
 * bot's command or the admin API): the bot listens and brings the member's Discord roles in line.
 * Listeners run on the caller's thread and must not block or throw (the bot queues its work).
 */
public final class MemberChanges {

    private final List<Consumer<MemberProfile>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener until the returned handle is closed. */
    public Subscription subscribe(Consumer<MemberProfile> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void badgesChanged(MemberProfile member) {
        listeners.forEach(listener -> listener.accept(member));
    }

    /** A listener's registration; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
