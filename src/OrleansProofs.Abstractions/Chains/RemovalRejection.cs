// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Chains;

/// <summary>Why a removal request was refused (nothing changed).</summary>
public enum RemovalRejection : byte
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>No chain is registered (or enrolled on the network) under this id.</summary>
    NotRegistered = 1,

    /// <summary>A removal or expiry is already scheduled and has not taken effect yet.</summary>
    AlreadyRemoving = 2,

    /// <summary>The chain was already removed.</summary>
    AlreadyRemoved = 3,

    /// <summary>The chain already expired.</summary>
    AlreadyExpired = 4,
}
