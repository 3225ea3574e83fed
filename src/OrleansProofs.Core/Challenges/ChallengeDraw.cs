// SPDX-License-Identifier: MIT
// Availability challenge draw — docs/protocol.md §9.5; inputs: the verifier's 32-byte secret, the prover key, the block (height, hash), the candidate chains; output: distinct (chain, chunk) pairs with nonces.

using System.Buffers.Binary;
using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Challenges;

/// <summary>
/// Draws a block's availability challenges for one prover from a stream of
/// <c>d_j = H(u8 25 ‖ "posc/v1/availability-draw" ‖ secret(32) ‖ prover_key(32) ‖ u64 height ‖ block_hash(32) ‖ u32 j)</c>,
/// j = 0, 1, …, read as big-endian u64 words. Unlike chunk selection this is <b>not</b> public: the
/// secret comes from the verifier's CSPRNG and never leaves it, so the prover cannot predict which
/// chunks will be asked for (it must keep them all) nor precompute answers (each challenge's nonce
/// is a fresh 32-byte word of the stream). The block hash makes every block's draw fresh; the prover
/// key separates provers. Nobody else needs to recompute a draw — the signed reports say what was asked.
/// </summary>
/// <remarks>
/// Each challenge takes a chain uniformly among the candidates, then a chunk uniformly below its
/// chunk count (both by rejection sampling, never a plain modulo), then a 32-byte nonce from the
/// next four words. Pairs are distinct within a block; when the candidates hold fewer chunks than
/// asked for, every chunk is challenged once.
/// </remarks>
public sealed class ChallengeDraw
{
    /// <summary>Size of the verifier's secret.</summary>
    public const int SecretSize = 32;

    /// <summary>Bytes hashed per stream block.</summary>
    private const int InputSize = 1 + 25 + SecretSize + 32 + 8 + 32 + 4;

    private readonly byte[] _prefix;
    private readonly ulong[] _words = new ulong[4];
    private uint _counter;
    private int _next = 4;

    private ChallengeDraw(ReadOnlySpan<byte> secret, ProverPublicKey prover, ulong height, Hash32 blockHash)
    {
        _prefix = new byte[InputSize - 4];
        ProtocolWriter writer = new(_prefix);
        writer.WriteTag(DomainTags.AvailabilityDraw);
        writer.WriteBytes(secret);
        writer.WriteHash(prover.AsHash32());
        writer.WriteUInt64(height);
        writer.WriteHash(blockHash);
        Debug.Assert(writer.Position == _prefix.Length);
    }

    /// <summary>
    /// Draws up to <paramref name="count"/> distinct challenges among <paramref name="candidates"/> (in the
    /// order given; pass them sorted by chain id so a draw is reproducible from its inputs).
    /// </summary>
    /// <param name="secret">The verifier's 32-byte secret.</param>
    /// <param name="prover">The challenged prover.</param>
    /// <param name="height">The block's height.</param>
    /// <param name="blockHash">The block's hash (from the verifier's own block source).</param>
    /// <param name="candidates">The prover's challengeable chains; each needs at least one chunk.</param>
    /// <param name="count">How many challenges (the profile's AvailabilityChallengesPerBlock).</param>
    /// <exception cref="ArgumentException">The secret is not 32 bytes, or a candidate has no chunks.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static IReadOnlyList<AvailabilityChallenge> Draw(
        ReadOnlySpan<byte> secret, ProverPublicKey prover, ulong height, in Hash32 blockHash, IReadOnlyList<ChallengeCandidate> candidates, int count)
    {
        if (secret.Length != SecretSize)
        {
            throw Error.WrongLength(nameof(secret), SecretSize, secret.Length);
        }

        ArgumentNullException.ThrowIfNull(candidates);
        if (count < 1)
        {
            throw Error.OutOfRange(nameof(count), count, "must be at least 1");
        }

        ulong available = 0;
        foreach (ChallengeCandidate candidate in candidates)
        {
            if (candidate.TotalChunks == 0)
            {
                throw Error.Invalid(nameof(candidates), $"chain {candidate.ChainId} has no chunks to challenge.");
            }

            available = available > ulong.MaxValue - candidate.TotalChunks ? ulong.MaxValue : available + candidate.TotalChunks;
        }

        int wanted = (int)Math.Min((ulong)count, available);
        List<AvailabilityChallenge> drawn = new(wanted);
        HashSet<(int, ulong)> seen = [];
        ChallengeDraw stream = new(secret, prover, height, blockHash);
        while (drawn.Count < wanted)
        {
            int chain = (int)stream.Below((ulong)candidates.Count);
            ulong index = stream.Below(candidates[chain].TotalChunks);
            if (!seen.Add((chain, index)))
            {
                continue;
            }

            drawn.Add(new AvailabilityChallenge(candidates[chain].ChainId, index, stream.NextHash()));
        }

        return drawn;
    }

    /// <summary>A uniform value below <paramref name="bound"/> (rejection sampling: words in the incomplete top range are skipped).</summary>
    private ulong Below(ulong bound)
    {
        Debug.Assert(bound > 0);
        ulong limit = ulong.MaxValue - (ulong.MaxValue % bound + 1) % bound;
        while (true)
        {
            ulong word = NextWord();
            if (word <= limit)
            {
                return word % bound;
            }
        }
    }

    private Hash32 NextHash()
    {
        Span<byte> bytes = stackalloc byte[Hash32.Size];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes[(8 * i)..], NextWord());
        }

        return new Hash32(bytes);
    }

    private ulong NextWord()
    {
        if (_next == 4)
        {
            Span<byte> counter = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(counter, _counter);
            _counter = checked(_counter + 1);
            Hash32 block = Sha256.HashConcat(_prefix, counter);
            for (int i = 0; i < 4; i++)
            {
                _words[i] = BinaryPrimitives.ReadUInt64BigEndian(block.Bytes[(8 * i)..]);
            }

            _next = 0;
        }

        return _words[_next++];
    }
}
