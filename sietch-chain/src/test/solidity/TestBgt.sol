// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title TestBgt
/// @notice A BGT-like ERC-20 for tests: minted by registered minters
/// (the reward vaults), burned by redeem. Only the parts the Sietch indexer reads are modelled.
/// @dev TEST TOKEN: anyone may call addMinter, and burnFrom/burnMany let anyone burn anyone's
/// balance. Never deploy this anywhere but a local test node.
contract TestBgt {
    string public constant name = "Test Bera Governance Token";
    string public constant symbol = "BGT";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public isMinter;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event MinterAdded(address indexed minter);

    error NotMinter(address caller);
    error InsufficientBalance(address holder, uint256 balance, uint256 needed);
    error LengthMismatch();
    error ZeroAddress();

    /// @notice Registers a minter. Unrestricted on purpose: this is a test token.
    function addMinter(address minter) external {
        isMinter[minter] = true;
        emit MinterAdded(minter);
    }

    function mint(address to, uint256 amount) external {
        if (!isMinter[msg.sender]) revert NotMinter(msg.sender);
        if (to == address(0)) revert ZeroAddress();
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        if (to == address(0)) revert ZeroAddress();
        _debit(msg.sender, amount);
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    /// @notice Burns the caller's BGT. Berachain's BGT.redeem also pays out the same amount of
    /// native BERA to receiver; the test token skips the payout.
    function redeem(address receiver, uint256 amount) external {
        receiver; // no payout in the test token
        _burn(msg.sender, amount);
    }

    /// @notice Test helper: burns a holder's BGT as if the holder had redeemed it.
    function burnFrom(address from, uint256 amount) external {
        _burn(from, amount);
    }

    /// @notice Test helper: many burns in one transaction.
    function burnMany(address[] calldata froms, uint256[] calldata amounts) external {
        if (froms.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < froms.length; i++) {
            _burn(froms[i], amounts[i]);
        }
    }

    function _burn(address from, uint256 amount) private {
        _debit(from, amount);
        totalSupply -= amount;
        emit Transfer(from, address(0), amount);
    }

    function _debit(address from, uint256 amount) private {
        uint256 balance = balanceOf[from];
        if (balance < amount) revert InsufficientBalance(from, balance, amount);
        unchecked {
            balanceOf[from] = balance - amount;
        }
    }
}
