// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IMintableBgt} from "./IMintableBgt.sol";

/// @title PolRewardVault
/// @notice Emits the RewardPaid event of Berachain's Proof-of-Liquidity reward vaults and mints the
/// reward as BGT to the recipient. Anyone may pay rewards: this is a test contract.
contract PolRewardVault {
    IMintableBgt public immutable bgt;

    /// @dev Same signature as Berachain's RewardVault: account earned the reward, to received it.
    event RewardPaid(address indexed account, address to, uint256 reward);

    error LengthMismatch();

    constructor(address bgt_) {
        bgt = IMintableBgt(bgt_);
    }

    function payReward(address account, address to, uint256 amount) external {
        _pay(account, to, amount);
    }

    function payRewards(address[] calldata accounts, address[] calldata tos, uint256[] calldata amounts) external {
        if (accounts.length != tos.length || accounts.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < accounts.length; i++) {
            _pay(accounts[i], tos[i], amounts[i]);
        }
    }

    function _pay(address account, address to, uint256 amount) private {
        bgt.mint(to, amount);
        emit RewardPaid(account, to, amount);
    }
}
