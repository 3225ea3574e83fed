// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// A chain's registration as the prover's gateway publishes it (<c>GET /api/chains/{chainId}</c>): the
/// header fields the chain id, ownership and anchored commitments are computed from, and its status.
/// </summary>
internal sealed record ProverChainRegistration(
    Hash32 ChainId,
    string Status,
    Hash32 DataHash,
    Hash32 ReplicaRoot,
    ulong FileLength,
    ulong TotalChunks,
    byte EncodingVersion,
    uint WorkFactor,
    ulong AnchorHeight,
    Hash32 AnchorBlockHash)
{
    /// <summary>Parses the gateway's JSON chain info.</summary>
    /// <exception cref="ProverGatewayException">A field is missing or malformed.</exception>
    public static ProverChainRegistration Parse(JsonElement chain) => Parsing.Guard("chain", () => new ProverChainRegistration(
        Hash32.Parse(chain.GetProperty("chainId").GetString()),
        chain.GetProperty("status").GetString() ?? string.Empty,
        Hash32.Parse(chain.GetProperty("dataHash").GetString()),
        Hash32.Parse(chain.GetProperty("replicaRoot").GetString()),
        chain.GetProperty("fileLength").GetUInt64(),
        chain.GetProperty("totalChunks").GetUInt64(),
        chain.GetProperty("encodingVersion").GetByte(),
        chain.GetProperty("workFactor").GetUInt32(),
        chain.GetProperty("anchorHeight").GetUInt64(),
        Hash32.Parse(chain.GetProperty("anchorBlockHash").GetString())));

    /// <summary>
    /// The chain header under <paramref name="prover"/>'s key. Its <see cref="ChainHeader.ChainId"/> is
    /// recomputed from the data hash and that key, so a chain registered under another key (a second
    /// prover claiming someone else's replica) yields another id than the one listed.
    /// </summary>
    /// <exception cref="ArgumentException">A header rule is broken (the message names the field).</exception>
    public ChainHeader ToHeader(ProverPublicKey prover) =>
        ChainHeader.Create(DataHash, prover, ReplicaRoot, FileLength, EncodingVersion, WorkFactor, AnchorHeight, AnchorBlockHash);
}
