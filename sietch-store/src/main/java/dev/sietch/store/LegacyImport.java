package dev.sietch.store;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Bringing over a database of sietch-service (the TypeScript service): its wallet links,
 * overrides, audit log, profiles, badges, activity, Naib seats, waitlist, notification preferences
 * and alert history. Times without a zone are read as UTC; wei strings become exact amounts.
 *
 * <p>Not brought over, by design: its ranking and eligibility snapshots (the first sync ranks every
 * wallet from the chain and, being the first, announces nothing), its sync health, its unused event
 * cache and perks tables, its badge catalogue (Sietch's is built in) and its threshold snapshots
 * (each of Sietch's belongs to a sync).
 */
public final class LegacyImport {

    private LegacyImport() {}

    /**
     * @param avatarUrl the generated avatar's URL for a member id: imported profiles showing a
     *     generated avatar, or a custom picture (which Sietch cannot take over without fetching and
     *     checking it), point there
     */
    public record Options(UnaryOperator<String> avatarUrl) {
        public Options {
            Objects.requireNonNull(avatarUrl, "avatarUrl");
        }
    }

    /**
     * One table's import.
     *
     * @param from sietch-service's table
     * @param to Sietch's table
     * @param read rows read
     * @param imported rows written
     * @param notes rows not written or changed on the way, each with the reason
     */
    public record Table(String from, String to, int read, int imported, List<String> notes) {
        public Table {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param tables what happened per table, in import order
     * @param skipped sietch-service's tables left behind, with the reason
     */
    public record Report(List<Table> tables, List<String> skipped) {
        public Report {
            tables = List.copyOf(tables);
            skipped = List.copyOf(skipped);
        }

        public int imported() {
            return tables.stream().mapToInt(Table::imported).sum();
        }

        public int read() {
            return tables.stream().mapToInt(Table::read).sum();
        }
    }
}
