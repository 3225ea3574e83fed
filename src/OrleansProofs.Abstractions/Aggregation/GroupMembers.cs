// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>The chains a block covers in one group, as the ingress's persisted roster assigns them.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Members">Its covered chains, in roster order.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.GroupMembers")]
public sealed record GroupMembers([property: Id(0)] uint GroupId, [property: Id(1)] ImmutableArray<Hash32> Members);
