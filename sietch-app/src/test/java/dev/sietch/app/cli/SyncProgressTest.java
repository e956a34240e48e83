package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.usecase.IndexChainEvents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class SyncProgressTest {

    private static IndexChainEvents.Progress at(long block, int events, boolean caughtUp) {
        return new IndexChainEvents.Progress(1, events, OptionalLong.of(block), OptionalLong.of(2_000), caughtUp, 0, 0);
    }

    @Test
    void drawsOneLineInPlace_onATerminal() {
        var text = new StringWriter();
        var clock = new AtomicLong();
        var progress = new SyncProgress(new PrintWriter(text), true, OptionalLong.of(1_000), clock::get);

        clock.set(2_000_000_000L);
        progress.accept(at(1_500, 120, false));
        clock.set(4_000_000_000L);
        progress.accept(at(2_000, 300, true));

        String[] frames = text.toString().split("\r");
        assertThat(frames[1]).startsWith("[##############..............]  50%  500 / 1,000 blocks  120 events  250 blocks/s  ETA 0:02");
        assertThat(frames[2]).startsWith("[############################] 100%  1,000 / 1,000 blocks  300 events  250 blocks/s  ETA done")
                .endsWith("\u001b[K" + System.lineSeparator());
    }

    @Test
    void printsPlainLinesAtMostEveryFewSeconds_otherwise() {
        var text = new StringWriter();
        var clock = new AtomicLong();
        var progress = new SyncProgress(new PrintWriter(text), false, OptionalLong.empty(), clock::get);

        clock.set(1_000_000_000L);
        progress.accept(at(100, 1, false)); // too soon: skipped
        clock.set(SyncProgress.PLAIN_EVERY_NANOS + 1);
        progress.accept(at(1_000, 10, false));
        clock.set(SyncProgress.PLAIN_EVERY_NANOS + 2);
        progress.accept(at(2_000, 20, true)); // the last one always

        assertThat(text.toString().lines().toList()).hasSize(2)
                .allMatch(line -> line.startsWith("Indexing: ") && !line.contains("\u001b"));
        assertThat(text.toString().lines().toList().getLast()).contains("2,001 / 2,001 blocks").contains("ETA done");
    }
}
