// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Challenges;

/// <summary>Known-answer vectors of docs/protocol.md §9 ("Test vectors"); ProtocolDocumentTests checks the document states them.</summary>
public sealed class AvailabilityVectorTests
{
    /// <summary>§9.2: nonce 32 × 0x11, chain id 32 × 0x22, index 5, chunk byte i = i mod 256.</summary>
    public const string Binding = "56d7ee6177c0179b1edb24f8ac2b4669eafa7d266eb4b431363bcca70ad97874";

    /// <summary>§9.4: verifier key from private key 32 × 0x01, prover 32 × 0x33, height 1000, chain 32 × 0x22, index 5, nonce 32 × 0x11, outcome late, 612,345 µs.</summary>
    public const string ReportDigest = "219ef70a5d36fb3e26953a3cb2067dbe845ea3cab6e22bd5b6dd46354c1944f7";

    /// <summary>§9.5: secret 32 × 0x44, prover 32 × 0x33, height 7, block hash 32 × 0x55, candidates (32 × 0x22, 100 chunks) and (32 × 0x66, 5 chunks): the first challenge's nonce.</summary>
    public const string FirstDrawNonce = "84a36f91202069da7f6446011e56c82c3313aac6d71f73c1feaffbbf41f2f772";

    [Fact]
    public void Binding_MatchesTheVector()
    {
        byte[] chunk = new byte[4096];
        for (int i = 0; i < chunk.Length; i++)
        {
            chunk[i] = unchecked((byte)i);
        }

        Assert.Equal(Binding, AvailabilityAnswer.ComputeBinding(Filled(0x11), Filled(0x22), 5, chunk).ToString());
    }

    [Fact]
    public void ReportDigest_MatchesTheVector()
    {
        using NodeKey verifier = NodeKey.FromPrivateKey(Filled(0x01).Bytes);
        AvailabilityReport report = new(verifier.PublicKey, new ProverPublicKey(Filled(0x33).Bytes), 1000, Filled(0x22), 5, Filled(0x11), AvailabilityOutcome.Late, 612_345);

        Assert.Equal(ReportDigest, report.SigningDigest().ToString());
        Assert.True(AvailabilityReport.TryVerify(report.Sign(verifier), verifier.PublicKey, out _));
    }

    [Fact]
    public void Draw_MatchesTheVector()
    {
        IReadOnlyList<AvailabilityChallenge> draw = ChallengeDraw.Draw(
            Filled(0x44).Bytes, new ProverPublicKey(Filled(0x33).Bytes), 7, Filled(0x55), [new(Filled(0x22), 100), new(Filled(0x66), 5)], 3);

        Assert.Equal(FirstDrawNonce, draw[0].Nonce.ToString());
    }

    private static Hash32 Filled(byte value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Fill(value);
        return new Hash32(bytes);
    }
}
