// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Storage;

/// <summary>One chain's record at one block, as the commitment log stores it.</summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.Grains.CommitmentLogEntry")]
public sealed record CommitmentLogEntry(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] ChainRecord Record);
