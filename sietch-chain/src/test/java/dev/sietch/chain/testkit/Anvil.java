package dev.sietch.chain.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.BooleanResponse;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;

/**
 * A local anvil node (a real EVM, from Foundry) on a free port of 127.0.0.1, for tests. The binary
 * comes from the system property {@value #BIN_PROPERTY}, which the Maven build sets after installing
 * the pinned npm package. Anvil starts with ten unlocked, funded dev accounts and mines one block per
 * transaction (automine). {@link #close()} stops the process; a JVM shutdown hook stops it too if a
 * test never closes it.
 */
public final class Anvil implements AutoCloseable {

    /** The system property naming the anvil executable. */
    public static final String BIN_PROPERTY = "sietch.anvil.bin";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final int KEPT_OUTPUT_LINES = 50;

    private final Process process;
    private final Thread shutdownHook;
    private final ArrayDeque<String> lastOutput;
    private final URI rpcUrl;
    private final JdkHttpService service;
    private final Web3j web3j;
    private List<String> accounts = List.of();

    private Anvil(Process process, Thread shutdownHook, ArrayDeque<String> lastOutput, int port) {
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.lastOutput = lastOutput;
        this.rpcUrl = URI.create("http://127.0.0.1:" + port);
        this.service = new JdkHttpService(rpcUrl, RPC_TIMEOUT);
        this.web3j = Web3j.build(service);
    }

    /**
     * Starts anvil ({@code --host 127.0.0.1 --port 0} plus {@code extraArgs}, e.g. {@code "--block-time", "1"})
     * and waits until it listens.
     *
     * @throws IllegalStateException if the binary is missing or anvil does not come up within 30 s
     */
    public static Anvil start(String... extraArgs) {
        Path bin = binary();
        var command = new ArrayList<>(List.of(bin.toString(), "--host", "127.0.0.1", "--port", "0"));
        command.addAll(Arrays.asList(extraArgs));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        Thread hook = new Thread(process::destroyForcibly, "anvil-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);

        var lastOutput = new ArrayDeque<String>();
        var port = new CompletableFuture<Integer>();
        Thread drain = new Thread(() -> drain(process, lastOutput, port), "anvil-output-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        try {
            return new Anvil(process, hook, lastOutput, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, hook);
            throw new IllegalStateException("interrupted while starting anvil", e);
        } catch (ExecutionException | TimeoutException e) {
            stop(process, hook);
            throw new IllegalStateException("anvil did not start within " + START_TIMEOUT.toSeconds() + " s: "
                    + command + "\n" + output(lastOutput), e);
        }
    }

    private static Path binary() {
        String value = System.getProperty(BIN_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + BIN_PROPERTY + " is not set; it names the anvil "
                    + "binary, which the Maven build installs with npm ci (sietch-chain/src/test/node)");
        }
        Path bin = Path.of(value);
        if (!Files.isRegularFile(bin) || !Files.isExecutable(bin)) {
            throw new IllegalStateException("anvil is not an executable file at " + bin + " (system property "
                    + BIN_PROPERTY + "); run the Maven build, whose npm ci installs it, or npm ci in "
                    + "sietch-chain/src/test/node");
        }
        return bin;
    }

    private static void drain(Process process, ArrayDeque<String> lastOutput, CompletableFuture<Integer> port) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lastOutput) {
                    if (lastOutput.size() == KEPT_OUTPUT_LINES) {
                        lastOutput.removeFirst();
                    }
                    lastOutput.addLast(line);
                }
                if (!port.isDone()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            // the stream closes when the process is destroyed
        } finally {
            port.completeExceptionally(new IllegalStateException("anvil exited before listening"));
        }
    }

    private static String output(ArrayDeque<String> lastOutput) {
        synchronized (lastOutput) {
            return String.join("\n", lastOutput);
        }
    }

    /** The JSON-RPC endpoint, {@code http://127.0.0.1:<port>}. */
    public URI rpcUrl() {
        return rpcUrl;
    }

    /** A web3j client of this node (closed with it). */
    public Web3j web3j() {
        return web3j;
    }

    /** The last lines anvil printed (for diagnostics). */
    public String lastOutput() {
        return output(lastOutput);
    }

    /**
     * Sends a JSON-RPC call that web3j does not model, e.g. {@code anvil_*} or {@code evm_*}.
     *
     * @throws IllegalStateException if the node answers with an error
     */
    public <T extends Response<?>> T rpc(String method, Class<T> responseType, Object... params) {
        try {
            T response = new Request<Object, T>(method, Arrays.asList(params), service, responseType).send();
            return check(method, response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " failed", e);
        }
    }

    /** The ten funded, unlocked dev accounts (lower-case 0x addresses), account 0 first. */
    public synchronized List<String> accounts() {
        if (accounts.isEmpty()) {
            try {
                accounts = check("eth_accounts", web3j.ethAccounts().send()).getAccounts().stream()
                        .map(a -> a.toLowerCase(Locale.ROOT)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return accounts;
    }

    /** The number of the latest block. */
    public long blockNumber() {
        try {
            return check("eth_blockNumber", web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mines {@code blocks} empty blocks ({@code anvil_mine}). */
    public void mine(long blocks) {
        rpc("anvil_mine", VoidResponse.class, Numeric.encodeQuantity(BigInteger.valueOf(blocks)));
    }

    /** Snapshots the chain state ({@code evm_snapshot}); returns the id for {@link #revert(String)}. */
    public String snapshot() {
        return rpc("evm_snapshot", StringResponse.class).getResult();
    }

    /**
     * Reverts the chain to a snapshot ({@code evm_revert}): blocks after it are dropped, so new blocks reuse
     * their numbers with other hashes. A snapshot can be reverted to once.
     *
     * @throws IllegalStateException if anvil does not know the snapshot
     */
    public void revert(String snapshotId) {
        if (!Boolean.TRUE.equals(rpc("evm_revert", BooleanResponse.class, snapshotId).getResult())) {
            throw new IllegalStateException("evm_revert " + snapshotId + " failed (unknown or used snapshot)");
        }
    }

    /** Turns mining a block per transaction on or off ({@code evm_setAutomine}). */
    public void setAutomine(boolean enabled) {
        rpc("evm_setAutomine", VoidResponse.class, enabled);
    }

    /**
     * Replaces the last {@code depth} blocks by as many new, empty ones ({@code anvil_reorg} with no
     * replacement transactions): the height stays, the hashes of those blocks change and their transactions
     * are gone.
     */
    public void reorg(int depth) {
        rpc("anvil_reorg", VoidResponse.class, depth, List.of());
    }

    private <T extends Response<?>> T check(String method, T response) {
        if (response.hasError()) {
            Response.Error error = response.getError();
            throw new IllegalStateException(method + " failed: " + error.getCode() + " " + error.getMessage()
                    + (error.getData() == null ? "" : " " + error.getData()));
        }
        return response;
    }

    /** Stops anvil: destroy, wait up to 5 s, then kill. */
    @Override
    public void close() {
        web3j.shutdown();
        stop(process, shutdownHook);
    }

    private static void stop(Process process, Thread hook) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** A JSON-RPC response whose result is a string. */
    public static final class StringResponse extends Response<String> {
    }
}
