// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IMintableBgt} from "./IMintableBgt.sol";

/// @title LegacyRewardVault
/// @notice Emits the older two-argument RewardPaid event (user earned and received the reward) and
/// mints the reward as BGT to the user. Anyone may pay rewards: this is a test contract.
contract LegacyRewardVault {
    IMintableBgt public immutable bgt;

    event RewardPaid(address indexed user, uint256 reward);

    error LengthMismatch();

    constructor(address bgt_) {
        bgt = IMintableBgt(bgt_);
    }

    function payReward(address user, uint256 amount) external {
        _pay(user, amount);
    }

    function payRewards(address[] calldata users, uint256[] calldata amounts) external {
        if (users.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < users.length; i++) {
            _pay(users[i], amounts[i]);
        }
    }

    function _pay(address user, uint256 amount) private {
        bgt.mint(user, amount);
        emit RewardPaid(user, amount);
    }
}
