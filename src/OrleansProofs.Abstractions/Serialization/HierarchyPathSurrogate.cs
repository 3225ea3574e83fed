// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>
/// Wire form of a Core <see cref="Core.Hierarchy.HierarchyPath"/>: its byte-exact protocol encoding
/// (docs/protocol.md, hierarchy path), decoded and re-checked when converting back.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.HierarchyPath")]
public readonly struct HierarchyPathSurrogate
{
    /// <summary>The encoded path.</summary>
    [Id(0)] public byte[] Encoded { get; init; }
}
