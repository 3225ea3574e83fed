// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The JSON body of <c>POST /api/chains</c>.</summary>
/// <param name="Path">The data file, relative to the node's data folder.</param>
/// <param name="RetentionPolicy">"default" (when omitted), "archival" or "temporary".</param>
/// <param name="Metadata">Operator labels (at most 16 entries; keys 1–64 characters, values at most 256).</param>
public sealed record RegisterChainBody(string? Path, string? RetentionPolicy, Dictionary<string, string>? Metadata);
