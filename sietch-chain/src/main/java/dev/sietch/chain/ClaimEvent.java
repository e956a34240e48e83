package dev.sietch.chain;

/** Which {@code RewardPaid} event a reward vault emits, and so which wallet a claim credits. */
public enum ClaimEvent {

    /**
     * Berachain Proof-of-Liquidity vaults: {@code RewardPaid(address indexed account, address to,
     * uint256 reward)}. The BGT goes to {@code to} (the account or its operator), so {@code to}
     * is credited.
     */
    POL("RewardPaid(address,address,uint256)", "0x540798df468d7b23d11f156fdb954cb19ad414d150722a7b6d55ba369dea792e"),

    /**
     * Synthetix-style vaults: {@code RewardPaid(address indexed user,
     * uint256 reward)}; {@code user} is credited.
     */
    LEGACY("RewardPaid(address,uint256)", "0xe2403640ba68fed3a2f88b7557551d1993f84b99bb10ff833f0cf8db0c5e0486");

    private final String signature;
    private final String topic;

    ClaimEvent(String signature, String topic) {
        this.signature = signature;
        this.topic = topic;
    }

    /** The canonical event signature. */
    public String signature() {
        return signature;
    }

    /** topic0: the Keccak-256 hash of the signature. */
    public String topic() {
        return topic;
    }
}
