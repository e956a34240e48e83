package dev.sietch.chain.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The compiled test contracts ({@code /contracts/<Name>.bin} and {@code .abi}, built from
 * {@code src/test/solidity}) and the transaction plumbing to deploy and call them on an {@link Anvil}
 * node, from its dev account 0.
 */
public final class Contracts {

    /** The test BGT token. */
    public static final String TEST_BGT = "TestBgt";
    /** A reward vault emitting the PoL RewardPaid event. */
    public static final String POL_REWARD_VAULT = "PolRewardVault";
    /** A reward vault emitting the legacy RewardPaid event. */
    public static final String LEGACY_REWARD_VAULT = "LegacyRewardVault";

    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(10);
    private static final String ERROR_STRING_SELECTOR = "0x08c379a0";
    /** The custom errors of the test contracts, by selector, to name them in revert reasons. */
    private static final Map<String, String> CUSTOM_ERRORS = Stream.of(
                    "NotMinter(address)", "InsufficientBalance(address,uint256,uint256)", "LengthMismatch()",
                    "ZeroAddress()")
            .collect(Collectors.toUnmodifiableMap(e -> Hash.sha3String(e).substring(0, 10), e -> e));

    private Contracts() {
    }

    /** The creation bytecode of contract {@code name}, hex without 0x. */
    public static String bin(String name) {
        return resource(name + ".bin").strip();
    }

    /** The ABI of contract {@code name}, as JSON. */
    public static String abi(String name) {
        return resource(name + ".abi");
    }

    private static String resource(String file) {
        String path = "/contracts/" + file;
        try (InputStream in = Contracts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test contract resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deploys contract {@code name} with ABI-encoded {@code constructorArgs} from dev account 0.
     *
     * @return the contract's address, lower-case 0x hex
     */
    public static String deploy(Anvil anvil, String name, Type<?>... constructorArgs) {
        String data = "0x" + bin(name) + FunctionEncoder.encodeConstructor(List.of(constructorArgs));
        TransactionReceipt receipt = send(anvil, anvil.accounts().getFirst(), null, data);
        return receipt.getContractAddress().toLowerCase(Locale.ROOT);
    }

    /** Calls {@code function} of contract {@code to} in a transaction from dev account 0; see {@link #send}. */
    public static TransactionReceipt transact(Anvil anvil, String to, Function function) {
        return send(anvil, anvil.accounts().getFirst(), to, FunctionEncoder.encode(function));
    }

    /**
     * Sends a transaction ({@code eth_sendTransaction}: anvil signs for its dev accounts) and waits for its
     * receipt. Needs automine (or someone mining) to get a receipt within 10 s.
     *
     * @param to the contract, or {@code null} to create one from {@code data}
     * @throws IllegalStateException with the revert reason if the transaction is refused or reverts
     */
    public static TransactionReceipt send(Anvil anvil, String from, String to, String data) {
        Web3j web3j = anvil.web3j();
        var tx = new Transaction(from, null, null, null, to, null, data);
        try {
            var sent = web3j.ethSendTransaction(tx).send();
            if (sent.hasError()) {
                throw new IllegalStateException("transaction to " + to + " refused: " + describe(sent.getError()));
            }
            TransactionReceipt receipt = awaitReceipt(web3j, sent.getTransactionHash());
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("transaction " + receipt.getTransactionHash() + " to " + to
                        + " reverted: " + replayRevert(web3j, tx, receipt.getBlockNumber()));
            }
            return receipt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls a view {@code function} of contract {@code to} ({@code eth_call} at the latest block). */
    @SuppressWarnings("rawtypes")
    public static List<Type> call(Anvil anvil, String to, Function function) {
        var tx = Transaction.createEthCallTransaction(anvil.accounts().getFirst(), to, FunctionEncoder.encode(function));
        try {
            EthCall result = anvil.web3j().ethCall(tx, DefaultBlockParameterName.LATEST).send();
            if (result.hasError()) {
                throw new IllegalStateException("call " + function.getName() + " on " + to + " failed: "
                        + describe(result.getError()));
            }
            return FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TransactionReceipt awaitReceipt(Web3j web3j, String txHash) throws IOException {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no receipt for " + txHash + " within " + RECEIPT_TIMEOUT.toSeconds()
                        + " s (is automine off?)");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + txHash, e);
            }
        }
    }

    /** Replays a reverted transaction as a call on the state before its block, to get the revert reason. */
    private static String replayRevert(Web3j web3j, Transaction tx, BigInteger block) throws IOException {
        var call = Transaction.createEthCallTransaction(tx.getFrom(), tx.getTo(), tx.getData());
        EthCall result = web3j.ethCall(call, DefaultBlockParameter.valueOf(block.subtract(BigInteger.ONE))).send();
        if (result.hasError()) {
            return describe(result.getError());
        }
        return result.isReverted() ? result.getRevertReason() : "no reason (the replay succeeded)";
    }

    private static String describe(Response.Error error) {
        String data = error.getData();
        String reason = "";
        if (data != null && data.startsWith("\"")) {
            data = data.substring(1, data.length() - 1);
        }
        if (data != null && data.length() >= 10 && CUSTOM_ERRORS.containsKey(data.substring(0, 10))) {
            reason = " (" + CUSTOM_ERRORS.get(data.substring(0, 10)) + ")";
        } else if (data != null && data.startsWith(ERROR_STRING_SELECTOR)) {
            var decoded = FunctionReturnDecoder.decode("0x" + data.substring(10),
                    Utils.convert(List.of(TypeReference.create(Utf8String.class))));
            reason = decoded.isEmpty() ? "" : " (" + decoded.getFirst().getValue() + ")";
        }
        return error.getMessage() + (data == null ? "" : " data=" + data) + reason;
    }
}
