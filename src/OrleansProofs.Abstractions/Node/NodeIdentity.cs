// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Node;

/// <summary>Who this node is and which rules it runs under.</summary>
/// <param name="ProverPublicKey">The node's Ed25519 public key, as 32 bytes.</param>
/// <param name="Profile">The consensus profile name ("standard", "enhanced" or "dev").</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.NodeIdentity")]
public sealed record NodeIdentity([property: Id(0)] Hash32 ProverPublicKey, [property: Id(1)] string Profile);
