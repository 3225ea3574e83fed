// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The optional JSON body of <c>DELETE /api/chains/{chainId}</c> (the same fields may be given in the query).</summary>
/// <param name="Reason">Why the chain is removed: at most 256 characters, no control characters; omitted for none.</param>
/// <param name="Archive">Export the chain's records and metadata to the node's archive folder at removal. Default: false.</param>
public sealed record RemoveChainBody(string? Reason, bool? Archive);
