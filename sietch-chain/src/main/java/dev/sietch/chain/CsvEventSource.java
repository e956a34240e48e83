package dev.sietch.chain;

import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EventLedger;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;

/**
 * Claim and burn events from a CSV file, for fixtures, tests and replaying an export. One event
 * per line: {@code kind,block,tx_hash,log_index,wallet,amount_wei} where kind is {@code claim} or
 * {@code burn}; blank lines and lines starting with {@code #} are skipped. The file is read on
 * each call, so appending to it and syncing again indexes the new lines. Its cursor is kept under
 * the source name {@value #SOURCE}.
 */
public final class CsvEventSource implements ChainEventSource {

    /** The ledger's name for this source. */
    public static final String SOURCE = "events-file";

    private final Path file;

    public CsvEventSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Step next(EventLedger.Position position) {
        long after = position.cursors().getOrDefault(SOURCE, -1L);
        List<ChainEvent> events = new ArrayList<>();
        long upTo = 0;
        // streamed: only the events after the cursor are kept, so a large file costs no memory to re-read
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String raw; (raw = reader.readLine()) != null; ) {
                number++;
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                ChainEvent event;
                try {
                    event = parse(line);
                } catch (RuntimeException e) {
                    throw new ChainUnavailableException(file + " line " + number + ": " + e.getMessage(), e);
                }
                upTo = Math.max(upTo, event.id().blockNumber());
                if (event.id().blockNumber() > after) {
                    events.add(event);
                }
            }
        } catch (IOException e) {
            throw new ChainUnavailableException("cannot read event file " + file + ": " + e.getMessage(), e);
        }
        events.sort(Comparator.comparing(ChainEvent::id));
        return new Batch(events, Map.of(SOURCE, Math.max(upTo, after)), true);
    }

    private static ChainEvent parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 6) {
            throw new IllegalArgumentException("expected kind,block,tx_hash,log_index,wallet,amount_wei");
        }
        var id = new ChainEvent.EventId(Long.parseLong(fields[1].trim()), fields[2].trim().toLowerCase(Locale.ROOT),
                Integer.parseInt(fields[3].trim()));
        WalletAddress wallet = WalletAddress.of(fields[4].trim());
        Wei amount = Wei.parse(fields[5].trim());
        return switch (fields[0].trim().toLowerCase(Locale.ROOT)) {
            case "claim" -> new ChainEvent.Claim(id, wallet, amount);
            case "burn" -> new ChainEvent.Burn(id, wallet, amount);
            default -> throw new IllegalArgumentException("kind must be claim or burn, was " + fields[0].trim());
        };
    }
}
