package dev.sietch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EventLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvEventSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsEventsAfterTheCursorInChainOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), """
                # kind,block,tx_hash,log_index,wallet,amount_wei
                claim,12,0xAB,1,0x52908400098527886E0F7030069857D2E4169EE7,1000000000000000000000000
                burn,11,0xcd,0,0x0000000000000000000000000000000000000001,1

                claim,10,0xef,3,0x0000000000000000000000000000000000000002,5
                """);
        var source = new CsvEventSource(file);

        var all = batch(source, Map.of());
        var later = batch(source, Map.of(CsvEventSource.SOURCE, 10L));

        assertThat(all.events()).extracting(e -> e.id().blockNumber()).containsExactly(10L, 11L, 12L);
        assertThat(all.cursors()).isEqualTo(Map.of(CsvEventSource.SOURCE, 12L));
        assertThat(all.caughtUp()).isTrue();
        assertThat(later.events()).hasSize(2).last().isEqualTo(new ChainEvent.Claim(
                new ChainEvent.EventId(12, "0xab", 1), WalletAddress.of("0x52908400098527886e0f7030069857d2e4169ee7"),
                Wei.parse("1000000000000000000000000")));
    }

    @Test
    void reportsTheLineOfAMalformedEvent_asAnUnavailableSource() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), "claim,1,0xa,0,0x01,5\n");

        assertThatThrownBy(() -> batch(new CsvEventSource(file), Map.of()))
                .isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> batch(new CsvEventSource(dir.resolve("missing.csv")), Map.of()))
                .isInstanceOf(ChainUnavailableException.class);
    }

    private static ChainEventSource.Batch batch(CsvEventSource source, Map<String, Long> cursors) {
        return (ChainEventSource.Batch) source.next(new EventLedger.Position(cursors, List.of()));
    }
}
