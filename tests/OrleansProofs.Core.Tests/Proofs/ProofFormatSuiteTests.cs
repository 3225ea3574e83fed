// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Core.Tests.Proofs;

/// <summary>
/// One contract suite over all four proof formats: each round-trips through its encoding, verifies
/// against public data, and is rejected — by the decoder or the verifier — for every single flipped bit.
/// </summary>
public sealed class ProofFormatSuiteTests : IDisposable
{
    private static readonly AuditorNonce Nonce = AuditorNonce.Parse("0102030405060708090a0b0c");

    private readonly ProvingScenario _scenario = ProvingScenario.Run(ProvingScenario.FastParameters, chunkCount: 5, blocks: 6, otherChains: 9, gapBlocks: new HashSet<int> { 4 });

    public static TheoryData<ProofFormat> Formats => [ProofFormat.UltraCompact, ProofFormat.Path, ProofFormat.Compact, ProofFormat.Full];

    public void Dispose() => _scenario.Dispose();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Proof_RoundTripsAndVerifies(ProofFormat format)
    {
        byte[] encoded = Encode(format);
        Assert.True(ProofEnvelope.TryIdentify(encoded, out ProofFormat identified));
        Assert.Equal(format, identified);
        Assert.Equal(encoded, Reencode(format, encoded));
        ProofVerificationResult result = Verify(format, encoded);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(_scenario.Header.ChainId, result.ChainId);
        Assert.Equal(_scenario.LastHeight, result.Height);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EverySingleFlippedBit_IsRejected(ProofFormat format) => AssertEveryFlipRejected(format, _scenario.Context);

    /// <summary>
    /// A verifier that caches iterated hashes and verified signatures (warmed by the valid proof, so
    /// every level and the block signature are in the caches) still rejects every flipped bit: the
    /// caches hold only values this verifier computed, keyed by everything they depend on.
    /// </summary>
    [Theory]
    [MemberData(nameof(Formats))]
    public void EverySingleFlippedBit_IsRejected_WithWarmVerificationCaches(ProofFormat format)
    {
        ProofVerificationContext cached = _scenario.Context with { HierarchyCache = new(), SignatureCache = new() };
        Assert.True(Verify(format, Encode(format), cached).IsValid);
        Assert.True(Verify(format, Encode(format), cached).IsValid);
        Assert.True(cached.HierarchyCache!.Hits >= 3, $"the second verification reused {cached.HierarchyCache.Hits} iterated hashes");
        Assert.True(cached.SignatureCache!.Hits >= 1, "the second verification reused the verified block signature");

        AssertEveryFlipRejected(format, cached);
    }

    private void AssertEveryFlipRejected(ProofFormat format, ProofVerificationContext context)
    {
        byte[] encoded = Encode(format);
        List<int> accepted = [];
        foreach (int bit in BitsToFlip(format, encoded))
        {
            byte[] tampered = (byte[])encoded.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            if (Verify(format, tampered, context).IsValid)
            {
                accepted.Add(bit);
            }
        }

        Assert.True(accepted.Count == 0, $"{format}: {accepted.Count} flipped bit(s) accepted, first at bit {accepted.FirstOrDefault()} (byte {accepted.FirstOrDefault() / 8} of {encoded.Length}).");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TruncatedOrExtendedInput_IsRejected(ProofFormat format)
    {
        byte[] encoded = Encode(format);
        foreach (int length in new[] { 0, 1, 5, 6, encoded.Length / 2, encoded.Length - 1 })
        {
            Assert.False(Verify(format, encoded[..length]).IsValid, $"{format} truncated to {length} bytes");
        }

        Assert.False(Verify(format, [.. encoded, 0]).IsValid, $"{format} with a trailing byte");
    }

    private IEnumerable<int> BitsToFlip(ProofFormat format, byte[] encoded)
    {
        if (format != ProofFormat.Full)
        {
            return Enumerable.Range(0, encoded.Length * 8);
        }

        // Every bit outside chunk bytes, and one bit of every 61st chunk byte: a chunk byte feeds
        // the same two hashes wherever it sits, so sampling covers the check without 100k+ runs.
        int compactSize = _scenario.BuildCompact().EncodedSize;
        HashSet<int> chunkBytes = [];
        int offset = compactSize;
        foreach (ChunkOpening opening in FullProof.Decode(encoded).Openings)
        {
            for (int i = 0; i < opening.Chunk.Length; i++)
            {
                chunkBytes.Add(offset + i);
            }

            offset += opening.EncodedSize;
        }

        return Enumerable.Range(0, encoded.Length * 8).Where(bit => !chunkBytes.Contains(bit / 8) || (bit / 8 % 61 == 0 && bit % 8 == bit / 8 % 8));
    }

    private byte[] Encode(ProofFormat format) => format switch
    {
        ProofFormat.UltraCompact => _scenario.BuildClaim(Nonce).Encode(),
        ProofFormat.Path => _scenario.BuildPathProof().Encode(),
        ProofFormat.Compact => _scenario.BuildCompact().Encode(),
        _ => _scenario.BuildFull().Encode(),
    };

    private static byte[] Reencode(ProofFormat format, byte[] encoded) => format switch
    {
        ProofFormat.UltraCompact => UltraCompactClaim.Decode(encoded).Encode(),
        ProofFormat.Path => PathProof.Decode(encoded).Encode(),
        ProofFormat.Compact => CompactProof.Decode(encoded).Encode(),
        _ => FullProof.Decode(encoded).Encode(),
    };

    private ProofVerificationResult Verify(ProofFormat format, byte[] encoded) => Verify(format, encoded, _scenario.Context);

    private ProofVerificationResult Verify(ProofFormat format, byte[] encoded, ProofVerificationContext context)
    {
        if (format != ProofFormat.UltraCompact)
        {
            return ProofVerifier.Verify(format, encoded, context);
        }

        try
        {
            return ProofVerifier.VerifyUltraCompact(UltraCompactClaim.Decode(encoded), _scenario.BuildPathProof(), Nonce, context);
        }
        catch (FormatException error)
        {
            return ProofVerificationResult.Fail(ProofFailure.Malformed, error.Message);
        }
    }
}
