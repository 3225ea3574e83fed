// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Cli.Demo;

/// <summary>
/// A deterministic development layer-1 chain: block hashes derived from a network name and the
/// height, timestamps one block time apart. It stands in for a real chain adapter in the demo only.
/// </summary>
public sealed class DevChain(string network, ulong genesisTimestamp, TimeSpan blockTime)
{
    /// <summary>The block at <paramref name="height"/>.</summary>
    public PublicBlock BlockAt(ulong height)
    {
        Hash32 hash = Sha256.HashConcat(System.Text.Encoding.UTF8.GetBytes("posc-dev-chain/" + network + "/"), BitConverter.GetBytes(height));
        return new PublicBlock(height, hash, Beacon: null, Timestamp: genesisTimestamp + height * (ulong)blockTime.TotalSeconds);
    }
}
