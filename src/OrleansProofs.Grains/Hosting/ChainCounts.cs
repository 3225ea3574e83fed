// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Hosting;

/// <summary>A network's roster by status, as its ingress maintains it for <see cref="NodeMetrics"/>.</summary>
/// <param name="Pending">Enrolled, not yet covered by the latest block.</param>
/// <param name="Active">Covered by the latest block, no removal scheduled.</param>
/// <param name="Removing">Removal or expiry scheduled, removal block not yet recorded.</param>
internal readonly record struct ChainCounts(long Pending, long Active, long Removing);
