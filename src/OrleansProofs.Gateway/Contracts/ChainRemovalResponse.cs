// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>DELETE /api/chains/{chainId}</c> (202: removal scheduled).</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="RemovalBlock">The first block that no longer covers the chain (latest height + the profile's removal delay); it commits through the block before.</param>
/// <param name="Archived">True when its records and metadata will be exported to the archive folder at the removal block.</param>
/// <param name="Reason">The recorded reason (empty when none was given).</param>
public sealed record ChainRemovalResponse(string ChainId, ulong RemovalBlock, bool Archived, string Reason);
