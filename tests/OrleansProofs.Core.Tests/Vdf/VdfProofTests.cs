// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>
/// Verifies one-shot VDF proofs: the encoding vector, canonical decoding that rejects truncated,
/// oversized and malformed input naming the field, signatures, verification policies, and that any
/// single flipped bit of a proof is rejected.
/// </summary>
public sealed class VdfProofTests
{
    private static readonly VdfVerificationPolicy VectorPolicy = new(1 << 20, SampleCount: 3);

    [Fact]
    public void Evaluate_MatchesEncodingHashAndSignatureVectors()
    {
        VdfProof proof = VdfEvaluator.Evaluate(VdfVectors.Buffer, 1000, 400);
        Assert.Equal(3, proof.SegmentCount);
        Assert.Equal(VdfVectors.After1000Iterations, proof.Output.ToString());
        Assert.Equal(VdfVectors.ProofEncoding, Convert.ToHexStringLower(proof.Encode()));
        Assert.Equal(VdfVectors.ProofHash, proof.ComputeHash().ToString());
        using NodeKey key = VdfVectors.Key();
        Assert.Equal(VdfVectors.ProofSignature, Convert.ToHexStringLower(proof.Sign(key)));

        VdfProof decoded = VdfProof.Decode(Convert.FromHexString(VdfVectors.ProofEncoding));
        Assert.Equal(VdfVectors.ProofEncoding, Convert.ToHexStringLower(decoded.Encode()));
        VdfVerificationResult result = VdfVerifier.VerifySigned(decoded, Convert.FromHexString(VdfVectors.ProofSignature), key.PublicKey, VectorPolicy, VdfVectors.Buffer);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(3, result.SegmentsChecked);
    }

    [Fact]
    public void Verify_RebuildsTheBufferFromTheSeed_AndSamplesAtMostK()
    {
        VdfBuffer buffer = VdfBuffer.Create(Sha256.Hash("rebuild"u8), VdfBuffer.MinBytes);
        VdfProof proof = VdfEvaluator.Evaluate(buffer, 2000, 50);
        VdfVerificationResult result = VdfVerifier.Verify(proof, new VdfVerificationPolicy(VdfBuffer.MinBytes, SampleCount: 7));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(7, result.SegmentsChecked);
    }

    [Fact]
    public void Verify_AppliesThePolicy()
    {
        VdfBuffer buffer = VdfBuffer.Create(Sha256.Hash("policy"u8), VdfBuffer.MinBytes);
        VdfProof proof = VdfEvaluator.Evaluate(buffer, 100, 50);
        Assert.Equal(VdfRejection.WrongBufferSize, VdfVerifier.Verify(proof, new(1 << 20, 2), buffer).Reason);
        Assert.Equal(VdfRejection.TooFewIterations, VdfVerifier.Verify(proof, new(VdfBuffer.MinBytes, 2, MinimumIterations: 101), buffer).Reason);
        Assert.Equal(VdfRejection.SegmentTooLong, VdfVerifier.Verify(proof, new(VdfBuffer.MinBytes, 2, MaxSegmentIterations: 49), buffer).Reason);
        Assert.Throws<ArgumentException>("buffer", () => VdfVerifier.Verify(proof, new(VdfBuffer.MinBytes, 2), VdfBuffer.Create(Hash32.Zero, VdfBuffer.MinBytes)));
        Assert.Throws<ArgumentOutOfRangeException>("SampleCount", () => VdfVerifier.Verify(proof, new(VdfBuffer.MinBytes, 0), buffer));
    }

    [Fact]
    public void VerifySigned_RejectsAnotherProversSignature()
    {
        VdfProof proof = VdfEvaluator.Evaluate(VdfVectors.Buffer, 1000, 400);
        using NodeKey prover = VdfVectors.Key();
        using NodeKey other = NodeKey.Generate();
        VdfVerificationResult result = VdfVerifier.VerifySigned(proof, proof.Sign(other), prover.PublicKey, VectorPolicy, VdfVectors.Buffer);
        Assert.Equal(VdfRejection.BadSignature, result.Reason);
    }

    [Fact]
    public void AnyFlippedBit_IsRejected_ByDecodeOrVerification()
    {
        VdfBuffer buffer = VdfBuffer.Create(Sha256.Hash("flip"u8), VdfBuffer.MinBytes);
        byte[] encoded = VdfEvaluator.Evaluate(buffer, 60, 20).Encode();
        var policy = new VdfVerificationPolicy(VdfBuffer.MinBytes, SampleCount: 3);
        for (int bit = 0; bit < encoded.Length * 8; bit++)
        {
            byte[] tampered = (byte[])encoded.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            VdfProof proof;
            try
            {
                proof = VdfProof.Decode(tampered);
            }
            catch (FormatException)
            {
                continue;
            }

            VdfBuffer? reuse = buffer.Matches(proof.Seed, proof.Log2BufferBytes) ? buffer : null;
            Assert.False(VdfVerifier.Verify(proof, policy, reuse).IsValid, $"bit {bit} accepted");
        }
    }

    [Fact]
    public void Decode_RejectsEveryTruncation_AndTrailingBytes()
    {
        byte[] encoded = Convert.FromHexString(VdfVectors.ProofEncoding);
        for (int length = 0; length < encoded.Length; length++)
        {
            FormatException error = Assert.Throws<FormatException>(() => VdfProof.Decode(encoded.AsSpan(0, length)));
            Assert.Contains("field '", error.Message);
        }

        Assert.Contains("trailing", Assert.Throws<FormatException>(() => VdfProof.Decode([.. encoded, 0])).Message);
    }

    [Theory]
    [InlineData(0, 2, "version")]
    [InlineData(1, 15, "log2BufferBytes")]
    [InlineData(1, 31, "log2BufferBytes")]
    public void Decode_RejectsBadHeaderBytes(int offset, byte value, string field)
    {
        byte[] encoded = Convert.FromHexString(VdfVectors.ProofEncoding);
        encoded[offset] = value;
        Assert.Contains($"'{field}'", Assert.Throws<FormatException>(() => VdfProof.Decode(encoded)).Message);
    }

    [Fact]
    public void Decode_RejectsZeroCountsAndMismatchedCheckpointCount()
    {
        byte[] encoded = Convert.FromHexString(VdfVectors.ProofEncoding);
        byte[] zeroIterations = (byte[])encoded.Clone();
        zeroIterations.AsSpan(34, 8).Clear();
        Assert.Contains("'iterations'", Assert.Throws<FormatException>(() => VdfProof.Decode(zeroIterations)).Message);

        byte[] zeroInterval = (byte[])encoded.Clone();
        zeroInterval.AsSpan(42, 8).Clear();
        Assert.Contains("'checkpointInterval'", Assert.Throws<FormatException>(() => VdfProof.Decode(zeroInterval)).Message);

        byte[] wrongCount = (byte[])encoded.Clone();
        wrongCount[53] = 3;
        Assert.Contains("'checkpointCount'", Assert.Throws<FormatException>(() => VdfProof.Decode(wrongCount)).Message);

        byte[] oversized = new byte[VdfProof.FixedSize + (VdfProof.MaxCheckpoints * 32) + 1];
        Assert.Contains("more than the largest", Assert.Throws<FormatException>(() => VdfProof.Decode(oversized)).Message);
    }

    [Fact]
    public void Constructor_AndEvaluate_ValidateArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>("iterations", () => VdfEvaluator.Evaluate(VdfVectors.Buffer, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>("checkpointInterval", () => VdfEvaluator.Evaluate(VdfVectors.Buffer, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>("checkpointInterval", () => VdfEvaluator.Evaluate(VdfVectors.Buffer, 1UL << 40, 1));
        Assert.Throws<ArgumentException>("checkpoints", () => new VdfProof(20, Hash32.Zero, 10, 5, [], Hash32.Zero));
        Assert.Throws<ArgumentOutOfRangeException>("log2BufferBytes", () => new VdfProof(12, Hash32.Zero, 10, 10, [], Hash32.Zero));
    }

    [Fact]
    public void Soundness_FiguresMatchTheClosedForm()
    {
        Assert.Equal(0.25, VdfSoundness.DetectionProbability(64, 1, 16), 12);
        Assert.Equal(1.0, VdfSoundness.DetectionProbability(10, 1, 50), 12);
        Assert.Equal(0.0, VdfSoundness.DetectionProbability(10, 0, 5), 12);
        Assert.Equal(1.0, VdfSoundness.DetectionProbability(10, 6, 5), 12);
        Assert.Equal(64, VdfSoundness.SamplesFor(0.5, Math.Pow(2, -64)));
        Assert.Throws<ArgumentOutOfRangeException>("forgedSegments", () => VdfSoundness.DetectionProbability(10, 11, 5));
    }
}
