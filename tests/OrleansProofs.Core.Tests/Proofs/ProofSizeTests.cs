// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using Xunit.Abstractions;

namespace OrleansProofs.Core.Tests.Proofs;

/// <summary>Verifies the size promises: the claim is exactly 136 bytes; the compact proof fits 2,048 bytes at the standard profile with 100,000 chains.</summary>
public sealed class ProofSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void StandardProfile_100kChains_CompactProofFits2KiB()
    {
        // 100,000 chains under the real standard profile: 100 groups of 1,000, 10 regions, full iteration counts.
        using ProvingScenario scenario = ProvingScenario.Run(ConsensusParameters.Standard, chunkCount: 64, blocks: 8, otherChains: 99_999);
        CompactProof compact = scenario.BuildCompact();
        byte[] encoded = compact.Encode();
        PathProof path = scenario.BuildPathProof();
        FullProof full = scenario.BuildFull();
        UltraCompactClaim claim = scenario.BuildClaim(AuditorNonce.Random());
        output.WriteLine($"ultra-compact {claim.Encode().Length} B, path {path.Encode().Length} B, compact {encoded.Length} B, full {full.Encode().Length} B");

        Assert.Equal(136, claim.Encode().Length);
        Assert.Equal(8, compact.Window.Entries.Length);
        Assert.True(encoded.Length <= 2_048, $"compact proof is {encoded.Length} bytes");
        Assert.True(ProofVerifier.Verify(ProofFormat.Compact, encoded, scenario.Context).IsValid);
        Assert.True(ProofVerifier.Verify(ProofFormat.Full, full.Encode(), scenario.Context).IsValid);
    }
}
