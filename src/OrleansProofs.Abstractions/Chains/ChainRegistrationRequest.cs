// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>Registers a data file that is already on the node's data volume.</summary>
/// <param name="DataPath">The file's path, relative to the node's data folder (or absolute inside it).</param>
/// <param name="Network">The network (block ingress key) the chain follows.</param>
/// <param name="RetentionPolicy">One of <see cref="ChainRegistrationRules.RetentionPolicies"/>; recorded with the chain.</param>
/// <param name="Metadata">Operator labels recorded with the chain (bounded by <see cref="ChainRegistrationRules"/>); null for none.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainRegistrationRequest")]
public sealed record ChainRegistrationRequest(
    [property: Id(0)] string DataPath,
    [property: Id(1)] string Network,
    [property: Id(2)] string RetentionPolicy = ChainRegistrationRules.DefaultRetentionPolicy,
    [property: Id(3)] ImmutableDictionary<string, string>? Metadata = null);
