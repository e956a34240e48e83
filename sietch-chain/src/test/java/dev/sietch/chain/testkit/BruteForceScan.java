package dev.sietch.chain.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A reference scanner for checking the indexer: it does not use {@code eth_getLogs} but reads every block
 * of a range with its transactions and every transaction's receipt (batched JSON-RPC), and picks the
 * claim and burn logs out of the receipts.
 */
public final class BruteForceScan {

    /** What a scanned log records. */
    public enum Kind {
        /** PoL RewardPaid from a PoL vault: BGT credited to {@code to}. */
        POL_CLAIM,
        /** Legacy RewardPaid from a legacy vault: BGT credited to {@code user}. */
        LEGACY_CLAIM,
        /** BGT Transfer to 0x0: BGT debited from {@code from}. */
        BURN
    }

    /**
     * One claim or burn log.
     *
     * @param txHash lower-case 0x hex
     * @param wallet the wallet credited (claims) or debited (burns), lower-case 0x hex
     * @param amount in wei
     */
    public record ScannedLog(Kind kind, long block, String txHash, long logIndex, String wallet, BigInteger amount) {
    }

    private static final int BLOCKS_PER_BATCH = 100;
    private static final int RECEIPTS_PER_BATCH = 500;

    private final Web3j web3j;
    private final String bgt;
    private final Set<String> polVaults;
    private final Set<String> legacyVaults;

    /** A scanner of {@code bgt}'s burns and of the claims of the given vaults (addresses in any case). */
    public BruteForceScan(Web3j web3j, String bgt, Collection<String> polVaults, Collection<String> legacyVaults) {
        this.web3j = web3j;
        this.bgt = lower(bgt);
        this.polVaults = polVaults.stream().map(BruteForceScan::lower).collect(Collectors.toUnmodifiableSet());
        this.legacyVaults = legacyVaults.stream().map(BruteForceScan::lower).collect(Collectors.toUnmodifiableSet());
    }

    /** A scanner of all contracts of {@code chain}. */
    public static BruteForceScan of(TestChain chain) {
        return new BruteForceScan(chain.anvil().web3j(), chain.bgt(), chain.polVaults(), List.of(chain.legacyVault()));
    }

    /** The claim and burn logs of blocks {@code from..to} (inclusive), in (block, log index) order. */
    public List<ScannedLog> scan(long from, long to) {
        var found = new ArrayList<ScannedLog>();
        try {
            for (long start = from; start <= to; start += BLOCKS_PER_BATCH) {
                long end = Math.min(to, start + BLOCKS_PER_BATCH - 1);
                found.addAll(scanReceipts(transactions(start, end)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparingLong(ScannedLog::block).thenComparingLong(ScannedLog::logIndex));
        return found;
    }

    private List<String> transactions(long start, long end) throws IOException {
        BatchRequest batch = web3j.newBatch();
        for (long n = start; n <= end; n++) {
            batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), true));
        }
        var hashes = new ArrayList<String>();
        for (Response<?> response : batch.send().getResponses()) {
            EthBlock.Block block = checked(response, EthBlock.class).getBlock();
            if (block == null) {
                throw new IllegalStateException("no block in range " + start + ".." + end + " (beyond the head?)");
            }
            for (EthBlock.TransactionResult<?> tx : block.getTransactions()) {
                hashes.add(((EthBlock.TransactionObject) tx).getHash());
            }
        }
        return hashes;
    }

    private List<ScannedLog> scanReceipts(List<String> txHashes) throws IOException {
        var found = new ArrayList<ScannedLog>();
        for (int i = 0; i < txHashes.size(); i += RECEIPTS_PER_BATCH) {
            BatchRequest batch = web3j.newBatch();
            for (String hash : txHashes.subList(i, Math.min(txHashes.size(), i + RECEIPTS_PER_BATCH))) {
                batch.add(web3j.ethGetTransactionReceipt(hash));
            }
            for (Response<?> response : batch.send().getResponses()) {
                TransactionReceipt receipt = checked(response, EthGetTransactionReceipt.class).getTransactionReceipt()
                        .orElseThrow(() -> new IllegalStateException("a mined transaction has no receipt"));
                for (Log log : receipt.getLogs()) {
                    ScannedLog scanned = match(log);
                    if (scanned != null) {
                        found.add(scanned);
                    }
                }
            }
        }
        return found;
    }

    private ScannedLog match(Log log) {
        List<String> topics = log.getTopics();
        if (topics.isEmpty()) {
            return null;
        }
        String address = lower(log.getAddress());
        String topic0 = lower(topics.getFirst());
        if (polVaults.contains(address) && topic0.equals(Events.POL_REWARD_PAID_TOPIC) && topics.size() == 2) {
            // data: address to, uint256 reward
            String data = Numeric.cleanHexPrefix(log.getData());
            return scanned(Kind.POL_CLAIM, log, addressOfWord(data.substring(0, 64)), word(data, 1));
        }
        if (legacyVaults.contains(address) && topic0.equals(Events.LEGACY_REWARD_PAID_TOPIC) && topics.size() == 2) {
            return scanned(Kind.LEGACY_CLAIM, log, addressOfWord(topics.get(1)), word(log.getData(), 0));
        }
        if (address.equals(bgt) && topic0.equals(Events.TRANSFER_TOPIC) && topics.size() == 3
                && lower(topics.get(2)).equals(Events.ZERO_TOPIC)) {
            return scanned(Kind.BURN, log, addressOfWord(topics.get(1)), word(log.getData(), 0));
        }
        return null;
    }

    private static ScannedLog scanned(Kind kind, Log log, String wallet, BigInteger amount) {
        return new ScannedLog(kind, log.getBlockNumber().longValueExact(), lower(log.getTransactionHash()),
                log.getLogIndex().longValueExact(), wallet, amount);
    }

    /** The {@code index}-th 32-byte word of hex data, as an unsigned number. */
    private static BigInteger word(String data, int index) {
        String hex = Numeric.cleanHexPrefix(data);
        return new BigInteger(hex.substring(index * 64, (index + 1) * 64), 16);
    }

    /** The address in the low 20 bytes of a 32-byte word. */
    private static String addressOfWord(String word) {
        String hex = Numeric.cleanHexPrefix(word);
        return "0x" + lower(hex.substring(hex.length() - 40));
    }

    private static <T extends Response<?>> T checked(Response<?> response, Class<T> type) {
        if (response.hasError()) {
            throw new IllegalStateException("JSON-RPC error: " + response.getError().getMessage());
        }
        return type.cast(response);
    }

    private static String lower(String hex) {
        return hex.toLowerCase(Locale.ROOT);
    }
}
