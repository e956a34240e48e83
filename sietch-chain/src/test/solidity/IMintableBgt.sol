// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The minting side of TestBgt, as the reward vaults see it.
interface IMintableBgt {
    function mint(address to, uint256 amount) external;
}
