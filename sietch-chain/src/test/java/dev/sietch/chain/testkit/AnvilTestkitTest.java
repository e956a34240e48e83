package dev.sietch.chain.testkit;

import static dev.sietch.chain.testkit.BruteForceScan.Kind.BURN;
import static dev.sietch.chain.testkit.BruteForceScan.Kind.LEGACY_CLAIM;
import static dev.sietch.chain.testkit.BruteForceScan.Kind.POL_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.chain.testkit.BruteForceScan.Kind;
import dev.sietch.chain.testkit.BruteForceScan.ScannedLog;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;

final class AnvilTestkitTest {

    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String BOB = "0x0000000000000000000000000000000000000b0b";
    private static final String CAROL = "0x00000000000000000000000000000000000ca201";
    private static final String DAVE = "0x0000000000000000000000000000000000000da7";

    private Anvil anvil;
    private TestChain chain;

    @BeforeEach
    void start() {
        anvil = Anvil.start();
        chain = TestChain.deploy(anvil, 2);
    }

    @AfterEach
    void stop() {
        anvil.close();
    }

    @Test
    void rewardPaidTopicsAreBerachains() {
        assertThat(Events.POL_REWARD_PAID_TOPIC)
                .isEqualTo(Hash.sha3String("RewardPaid(address,address,uint256)"))
                .isEqualTo("0x540798df468d7b23d11f156fdb954cb19ad414d150722a7b6d55ba369dea792e");
        assertThat(Events.LEGACY_REWARD_PAID_TOPIC)
                .isEqualTo(Hash.sha3String("RewardPaid(address,uint256)"))
                .isEqualTo("0xe2403640ba68fed3a2f88b7557551d1993f84b99bb10ff833f0cf8db0c5e0486");
        assertThat(Events.TRANSFER_TOPIC)
                .isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    }

    @Test
    void node() {
        assertThat(Anvil.class.getModule().getName()).as("the test kit runs on the module path")
                .isEqualTo("dev.sietch.chain");
        assertThat(anvil.rpcUrl().toString()).startsWith("http://127.0.0.1:");
        assertThat(anvil.accounts()).hasSize(10).allMatch(a -> a.matches("0x[0-9a-f]{40}"));
        assertThat(Contracts.bin(Contracts.TEST_BGT)).matches("[0-9a-f]+");
        assertThat(Contracts.abi(Contracts.POL_REWARD_VAULT)).contains("\"RewardPaid\"");
        long head = anvil.blockNumber();
        anvil.mine(3);
        assertThat(anvil.blockNumber()).isEqualTo(head + 3);
    }

    @Test
    void bruteForceScanFindsClaimsAndBurnsInChainOrder() {
        String pol0 = chain.polVaults().get(0);
        String pol1 = chain.polVaults().get(1);
        long first = anvil.blockNumber() + 1;

        String paid = chain.payReward(pol0, ALICE, BOB, wei(100));
        String paidMany = chain.payRewards(pol1, List.of(ALICE, CAROL), List.of(CAROL, ALICE), List.of(wei(5), wei(7)));
        String legacy = chain.payLegacyReward(chain.legacyVault(), DAVE, wei(50));
        String burned = chain.burn(BOB, wei(30));
        String burnedMany = chain.burnMany(List.of(CAROL, DAVE), List.of(wei(5), wei(20)));
        anvil.mine(50);

        long started = System.nanoTime();
        List<ScannedLog> logs = BruteForceScan.of(chain).scan(0, anvil.blockNumber());
        long millis = (System.nanoTime() - started) / 1_000_000;

        // every transaction is mined in its own block; a mint's Transfer precedes its RewardPaid
        assertThat(logs).containsExactly(
                log(POL_CLAIM, first, paid, 1, BOB, 100),
                log(POL_CLAIM, first + 1, paidMany, 1, CAROL, 5),
                log(POL_CLAIM, first + 1, paidMany, 3, ALICE, 7),
                log(LEGACY_CLAIM, first + 2, legacy, 1, DAVE, 50),
                log(BURN, first + 3, burned, 0, BOB, 30),
                log(BURN, first + 4, burnedMany, 0, CAROL, 5),
                log(BURN, first + 4, burnedMany, 1, DAVE, 20));
        assertThat(anvil.blockNumber()).isEqualTo(first + 4 + 50);
        assertThat(millis).as("scan of %d blocks in ms", anvil.blockNumber() + 1).isLessThan(5_000);

        assertThat(chain.balanceOf(ALICE)).isEqualTo(wei(7));
        assertThat(chain.balanceOf(BOB)).isEqualTo(wei(100 - 30));
        assertThat(chain.balanceOf(CAROL)).isEqualTo(wei(5 - 5));
        assertThat(chain.balanceOf(DAVE)).isEqualTo(wei(50 - 20));
        assertThat(chain.totalSupply()).isEqualTo(wei(100 + 5 + 7 + 50 - 30 - 5 - 20));
    }

    @Test
    void revertingToASnapshotForksTheChain() throws IOException {
        long base = anvil.blockNumber();
        String snapshot = anvil.snapshot();
        chain.payReward(chain.polVaults().getFirst(), ALICE, BOB, wei(1));
        anvil.mine(2);
        String orphaned = blockHash(base + 1);

        anvil.revert(snapshot);
        assertThat(anvil.blockNumber()).isEqualTo(base);
        String legacy = chain.payLegacyReward(chain.legacyVault(), CAROL, wei(2));
        anvil.mine(3);

        assertThat(blockHash(base + 1)).isNotEqualTo(orphaned);
        assertThat(BruteForceScan.of(chain).scan(base + 1, anvil.blockNumber()))
                .containsExactly(log(LEGACY_CLAIM, base + 1, legacy, 1, CAROL, 2));
        assertThat(chain.balanceOf(BOB)).isZero();
    }

    @Test
    void anvilReorgReplacesTheLastBlocks() throws IOException {
        chain.payReward(chain.polVaults().getFirst(), ALICE, BOB, wei(10));
        chain.burn(BOB, wei(4));
        long head = anvil.blockNumber();
        String before = blockHash(head - 1);

        anvil.reorg(2);

        assertThat(anvil.blockNumber()).isEqualTo(head);
        assertThat(blockHash(head - 1)).isNotEqualTo(before);
        assertThat(BruteForceScan.of(chain).scan(head - 1, head)).isEmpty();
        assertThat(chain.balanceOf(BOB)).isZero();
    }

    @Test
    void withoutAutomineTransactionsWaitForABlock() throws IOException {
        long head = anvil.blockNumber();
        anvil.setAutomine(false);
        String data = FunctionEncoder.encode(new Function("addMinter", List.of(new Address(ALICE)), List.of()));
        String hash = anvil.web3j().ethSendTransaction(Transaction.createFunctionCallTransaction(
                anvil.accounts().getFirst(), null, null, null, chain.bgt(), data)).send().getTransactionHash();
        assertThat(anvil.blockNumber()).isEqualTo(head);

        anvil.mine(1);
        assertThat(anvil.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt())
                .hasValueSatisfying(r -> assertThat(r.getBlockNumber()).isEqualTo(head + 1));
        anvil.setAutomine(true);
        chain.payLegacyReward(chain.legacyVault(), ALICE, wei(1));
        assertThat(anvil.blockNumber()).isEqualTo(head + 2);
    }

    @Test
    void aRevertedTransactionReportsItsReason() {
        assertThatThrownBy(() -> chain.burn(BOB, wei(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reverted")
                .hasMessageContaining("InsufficientBalance(address,uint256,uint256)");
    }

    @Test
    void aMissingBinaryIsExplained() {
        String bin = System.getProperty(Anvil.BIN_PROPERTY);
        try {
            System.setProperty(Anvil.BIN_PROPERTY, bin + ".missing");
            assertThatThrownBy(Anvil::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Anvil.BIN_PROPERTY).hasMessageContaining("npm ci");
        } finally {
            System.setProperty(Anvil.BIN_PROPERTY, bin);
        }
    }

    private String blockHash(long number) throws IOException {
        return anvil.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                .send().getBlock().getHash();
    }

    private static ScannedLog log(Kind kind, long block, String tx, long logIndex, String wallet, long ether) {
        return new ScannedLog(kind, block, tx, logIndex, wallet, wei(ether));
    }

    private static BigInteger wei(long ether) {
        return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(ether));
    }
}
