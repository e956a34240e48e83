package dev.sietch.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.ClaimEvent;
import dev.sietch.chain.VaultSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code sietch.chain}: the JSON-RPC endpoints, the BGT contract, the reward vaults, scanning and retries. */
final class ChainSection {

    private static final String C = "sietch.chain.";

    private ChainSection() {}

    static ChainSettings read(ConfigReader reader) {
        var scan = reader.build("sietch.chain", () -> new ChainSettings.Scan(
                reader.intBetween(C + "confirmations", 0, 10_000),
                reader.bool(C + "finalized-tag"),
                reader.intBetween(C + "max-block-range", 1, 10_000_000),
                reader.intBetween(C + "parallel-requests", 1, 64)));
        var retry = reader.build("sietch.chain", () -> new ChainSettings.Retry(
                reader.positiveDuration(C + "request-timeout"),
                reader.intBetween(C + "max-attempts", 1, 100),
                reader.positiveDuration(C + "retry-delay"),
                reader.positiveDuration(C + "max-retry-delay")));
        List<VaultSource> vaults = vaults(reader, C + "vaults",
                reader.oneOf(C + "claim-event", ClaimEvent.class, ClaimEvent.POL),
                reader.longAtLeast(C + "start-block", 0));
        return new ChainSettings(reader.urls(C + "rpc-urls"), reader.optionalString(C + "bgt-address"),
                reader.longAtLeast(C + "burns-start-block", 0), vaults,
                scan == null ? ChainSettings.Scan.DEFAULT : scan, retry == null ? ChainSettings.Retry.DEFAULT : retry,
                reader.optionalString(C + "event-file").map(Path::of));
    }

    /**
     * Reward vaults: a comma-separated string or a list whose entries are addresses (using the
     * default event and start block) or objects {@code {address, event, start-block}}.
     */
    private static List<VaultSource> vaults(ConfigReader reader, String path, ClaimEvent defaultEvent,
            long defaultStart) {
        List<VaultSource> vaults = new ArrayList<>();
        List<? extends ConfigValue> entries = reader.entries(path);
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            String where = "entry " + (i + 1);
            try {
                if (entry.valueType() == ConfigValueType.STRING) {
                    vaults.add(new VaultSource((String) entry.unwrapped(), defaultEvent, defaultStart));
                } else if (entry.valueType() == ConfigValueType.OBJECT) {
                    Config vault = ((ConfigObject) entry).toConfig();
                    Set<String> unknown = new TreeSet<>(vault.root().keySet());
                    unknown.removeAll(Set.of("address", "event", "start-block"));
                    if (!unknown.isEmpty()) {
                        reader.fail(path, where + ": unknown key(s) " + unknown
                                + " (allowed: address, event, start-block)", null);
                        continue;
                    }
                    ClaimEvent event = vault.hasPath("event")
                            ? ClaimEvent.valueOf(vault.getString("event").trim().toUpperCase(Locale.ROOT))
                            : defaultEvent;
                    long start = vault.hasPath("start-block") ? vault.getLong("start-block") : defaultStart;
                    vaults.add(new VaultSource(vault.getString("address"), event, start));
                } else {
                    reader.fail(path, where + ": must be an address or an object with an address", null);
                }
            } catch (ConfigException e) {
                reader.fail(path, where + ": " + ConfigReader.describe(e), null);
            } catch (IllegalArgumentException e) {
                reader.fail(path, where + ": " + (e.getMessage() != null && e.getMessage().startsWith("No enum")
                        ? "event must be pol or legacy" : e.getMessage()), null);
            }
        }
        return vaults;
    }
}
