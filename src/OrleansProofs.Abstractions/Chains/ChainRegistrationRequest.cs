// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Chains;

/// <summary>Registers a data file that is already on the node's data volume.</summary>
/// <param name="DataPath">The file's path, relative to the node's data folder (or absolute inside it).</param>
/// <param name="Network">The network (block ingress key) the chain follows.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainRegistrationRequest")]
public sealed record ChainRegistrationRequest([property: Id(0)] string DataPath, [property: Id(1)] string Network);
