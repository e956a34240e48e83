package dev.sietch.app.cli;

import dev.sietch.core.usecase.IndexChainEvents;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows indexing progress: on a terminal, one line redrawn in place with a bar, blocks done of the
 * total, events, rate and ETA; otherwise a plain line at most every few seconds (log files and CI
 * output stay readable).
 */
final class SyncProgress implements Consumer<IndexChainEvents.Progress> {

    static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
    private static final int BAR = 28;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private final long startBlock;
    private long lastPrinted;
    private boolean drawn;

    /**
     * @param ledgerBlock the block the ledger had reached before indexing (empty: nothing yet)
     */
    SyncProgress(PrintWriter out, boolean terminal, OptionalLong ledgerBlock, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
        this.lastPrinted = startedNanos;
        this.startBlock = ledgerBlock.orElse(-1);
    }

    /** Whether standard output is an interactive terminal (not a pipe, a file or a dumb terminal). */
    static boolean isTerminal() {
        var console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            // Console.isTerminal() exists from Java 22 (the runtime); compiled for 21
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void accept(IndexChainEvents.Progress progress) {
        long now = nanoTime.getAsLong();
        if (!terminal && !progress.caughtUp() && now - lastPrinted < PLAIN_EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        String line = line(progress, now);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            drawn = true;
            if (progress.caughtUp()) {
                out.println();
                drawn = false;
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends a half-drawn terminal line (e.g. when indexing failed). */
    void finish() {
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    String line(IndexChainEvents.Progress progress, long now) {
        long block = progress.block().orElse(startBlock);
        long done = Math.max(0, block - startBlock);
        long total = progress.target().isPresent() ? Math.max(done, progress.target().getAsLong() - startBlock) : done;
        double seconds = Math.max(1e-3, (now - startedNanos) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder();
        if (terminal) {
            int filled = total == 0 ? BAR : (int) (BAR * done / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
        } else {
            line.append("Indexing: ");
        }
        line.append(String.format(Locale.ROOT, "%3d%%  %,d / %,d blocks  %,d events  %,.0f blocks/s  ETA %s",
                total == 0 ? 100 : 100 * done / total, done, total, progress.newEvents(), rate,
                progress.caughtUp() ? "done" : eta(total - done, rate)));
        if (progress.rewinds() > 0) {
            line.append(String.format(Locale.ROOT, "  (%d reorg rewind(s), %,d events dropped)", progress.rewinds(),
                    progress.removedEvents()));
        }
        return line.toString();
    }

    private static String eta(long remaining, double rate) {
        if (rate <= 0) {
            return "?";
        }
        long seconds = (long) Math.ceil(remaining / rate);
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
