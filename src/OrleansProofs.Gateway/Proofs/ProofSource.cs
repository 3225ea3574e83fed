// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Gateway.Proofs;

/// <summary>Everything a proof at one height is built from, as the grains returned it.</summary>
/// <param name="Info">The chain's state.</param>
/// <param name="Header">The chain's header.</param>
/// <param name="Records">The proof window's records up to and including the proof's height, oldest first.</param>
/// <param name="Block">The block record at the proof's height (signed attestation).</param>
/// <param name="Path">The chain's hierarchy path at that block.</param>
internal sealed record ProofSource(ChainInfo Info, ChainHeader Header, ChainRecord[] Records, BlockRecord Block, HierarchyPath Path)
{
    /// <summary>The proof's height.</summary>
    public ulong Height => Records[^1].Height;
}
