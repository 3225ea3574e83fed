// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Proofs;

/// <summary>Why a proof was rejected. <see cref="None"/> means it verified.</summary>
public enum ProofFailure
{
    /// <summary>The proof verified.</summary>
    None = 0,

    /// <summary>The bytes do not decode (truncated, oversized, wrong magic/version, bad counts).</summary>
    Malformed,

    /// <summary>The proof's chain header differs from the registered chain, or names another chain.</summary>
    ChainMismatch,

    /// <summary>The verifier has no public block data for a height the proof covers.</summary>
    UnknownBlock,

    /// <summary>A block hash or timestamp in the proof differs from the public layer-1 block.</summary>
    BlockMismatch,

    /// <summary>The window's shape is wrong: too long, starts before the anchor, entry counts wrong.</summary>
    WindowInvalid,

    /// <summary>The window does not start from the anchored commitment when it starts at the anchor.</summary>
    BrokenLink,

    /// <summary>The chain leaf does not reach the attested global root through the hierarchy path.</summary>
    HierarchyMismatch,

    /// <summary>The prover's signature over the block attestation does not verify.</summary>
    BadSignature,

    /// <summary>A selected chunk's bytes, Merkle path or access digest does not check out.</summary>
    PossessionFailed,

    /// <summary>An ultra-compact claim field differs from the trusted value.</summary>
    ClaimMismatch,
}
