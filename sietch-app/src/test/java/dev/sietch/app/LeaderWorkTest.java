package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The leader's work: started per term, stopped newest part first, and a failed start handled per mode. */
final class LeaderWorkTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private AutoCloseable part(String name) {
        events.add("start " + name);
        return () -> events.add("stop " + name);
    }

    @Test
    void startsForATerm_stopsThePartsNewestFirst_andNotTwice() {
        var work = LeaderWork.shared(term -> List.of(part("jobs"), part("sync"), part("bot")), () -> { });
        assertThat(work.isRunning()).isFalse();
        work.start(LeaderTerm.SOLE);
        assertThat(work.isRunning()).isTrue();
        work.stop();
        work.stop();
        work.close();
        work.start(LeaderTerm.SOLE); // after close: never again
        assertThat(work.isRunning()).isFalse();
        assertThat(events).containsExactly("start jobs", "start sync", "start bot", "stop bot", "stop sync", "stop jobs");
    }

    @Test
    void aFailedStartStepsAsideWhenSeveralInstancesShareTheWork_andStopsTheOnlyInstance() {
        var steppedAside = new AtomicInteger();
        var shared = LeaderWork.shared(term -> {
            throw new IllegalStateException("no event source");
        }, steppedAside::incrementAndGet);
        shared.start(LeaderTerm.SOLE);
        assertThat(shared.isRunning()).isFalse();
        assertThat(steppedAside).hasValue(1);

        var sole = LeaderWork.sole(term -> {
            throw new IllegalStateException("no event source");
        });
        assertThatThrownBy(() -> sole.start(LeaderTerm.SOLE)).hasMessage("no event source");
        assertThat(sole.isRunning()).isFalse();
    }
}
