// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The JSON body of <c>POST /api/blocks</c> (an adapter's new layer-1 block).</summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="BlockHash">Layer-1 block hash, 64 hex (not zero).</param>
/// <param name="Timestamp">The block's timestamp, Unix seconds.</param>
/// <param name="Beacon">The verified beacon value, 64 hex, or omitted.</param>
public sealed record BlockPushBody(ulong? Height, string? BlockHash, ulong? Timestamp, string? Beacon);
