// SPDX-License-Identifier: MIT

using System.Security.Cryptography;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The verifier's challenge secret: 32 bytes from the operating system's CSPRNG, drawn once per silo
/// process and kept only in memory (never stored, logged or sent). Availability challenges are drawn
/// from it mixed with each block's hash (<see cref="Core.Challenges.ChallengeDraw"/>), so a prover that
/// sees every block and every earlier challenge still cannot predict the next ones.
/// </summary>
internal sealed class VerifierSecret
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(Core.Challenges.ChallengeDraw.SecretSize);
    private readonly byte[] _latency = RandomNumberGenerator.GetBytes(Core.Challenges.ChallengeDraw.SecretSize);

    /// <summary>The secret's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _secret;

    /// <summary>
    /// A second, independent secret for latency probes: their chunks and nonces come from a draw of their own,
    /// so they never repeat an availability challenge's nonce and a prover cannot tell which questions are timed for latency.
    /// </summary>
    public ReadOnlySpan<byte> LatencyBytes => _latency;
}
