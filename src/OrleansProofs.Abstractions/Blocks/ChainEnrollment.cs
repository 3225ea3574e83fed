// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>A chain grain's request to join the network at the block after its anchor.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="AnchorHeight">The anchor height its header commits to (must be the latest recorded block).</param>
/// <param name="AnchorBlockHash">The anchor block's hash.</param>
/// <param name="RetentionPolicy">The chain's retention policy: with the anchor block's timestamp it sets when the chain expires.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainEnrollment")]
public sealed record ChainEnrollment(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] ulong AnchorHeight,
    [property: Id(2)] Hash32 AnchorBlockHash,
    [property: Id(3)] string RetentionPolicy = ChainRegistrationRules.DefaultRetentionPolicy);
