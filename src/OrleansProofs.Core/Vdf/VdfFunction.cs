// SPDX-License-Identifier: MIT
//  VDF step, seed, start state and absorb — docs/protocol.md §6 §1, §3, §4.

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// The memory-hard sequential function. One iteration <c>i</c> maps a 32-byte state to
/// <c>SHA-256(u8 11 ‖ "posc/v1/vdf" ‖ state ‖ V[u64be(state[0..8]) mod N] ‖ u64 i)</c>: it needs the
/// previous state (sequential) and a block of the buffer chosen by that state (data-dependent read),
/// so the whole buffer has to be at hand at every step. The step's 180-byte message is the only
/// Vdf-tagged message of that length, which keeps it apart from the labelled Vdf messages below.
/// </summary>
public static class VdfFunction
{
    private const int StateOffset = 12;
    private const int BlockOffset = StateOffset + Hash32.Size;
    private const int CounterOffset = BlockOffset + VdfBuffer.BlockSize;
    private const int StepMessageSize = CounterOffset + sizeof(ulong);

    /// <summary>
    /// The seed of a prover's VDF: <c>H(tag Vdf ‖ "seed" ‖ prover_public_key ‖ input)</c>. Binding the
    /// prover makes every prover's buffer and chain distinct, so one evaluation cannot serve two keys.
    /// </summary>
    public static Hash32 DeriveSeed(ProverPublicKey prover, Hash32 input)
    {
        Span<byte> buffer = stackalloc byte[80];
        var writer = new ProtocolWriter(buffer);
        writer.WriteTag(DomainTags.Vdf);
        writer.WriteBytes("seed"u8);
        writer.WriteHash(prover.AsHash32());
        writer.WriteHash(input);
        return writer.Hash();
    }

    /// <summary>The state before iteration 0: <c>H(tag Vdf ‖ "state" ‖ seed)</c>.</summary>
    public static Hash32 InitialState(Hash32 seed)
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new ProtocolWriter(buffer);
        writer.WriteTag(DomainTags.Vdf);
        writer.WriteBytes("state"u8);
        writer.WriteHash(seed);
        return writer.Hash();
    }

    /// <summary>
    /// Absorbs an external input (a block's global root) into the state after
    /// <paramref name="iteration"/> iterations: <c>H(tag Vdf ‖ "absorb" ‖ state ‖ root ‖ u64 iteration)</c>.
    /// Not an iteration itself: the iteration count is unchanged.
    /// </summary>
    public static Hash32 Absorb(Hash32 state, Hash32 root, ulong iteration)
    {
        Span<byte> buffer = stackalloc byte[96];
        var writer = new ProtocolWriter(buffer);
        writer.WriteTag(DomainTags.Vdf);
        writer.WriteBytes("absorb"u8);
        writer.WriteHash(state);
        writer.WriteHash(root);
        writer.WriteUInt64(iteration);
        return writer.Hash();
    }

    /// <summary>
    /// Runs iterations <paramref name="firstIteration"/> … <paramref name="firstIteration"/> +
    /// <paramref name="count"/> − 1 from <paramref name="state"/> and returns the resulting state.
    /// Allocation-free; the cost is <paramref name="count"/> SHA-256 calls and random buffer reads.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The iteration numbers would pass 2^64 − 1.</exception>
    public static Hash32 Iterate(VdfBuffer buffer, Hash32 state, ulong firstIteration, ulong count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count > ulong.MaxValue - firstIteration)
        {
            throw Error.OutOfRange(nameof(count), count, $"must keep the iteration number below 2^64 (first iteration {firstIteration})");
        }

        Span<byte> message = stackalloc byte[StepMessageSize];
        Span<byte> digest = stackalloc byte[Hash32.Size];
        var writer = new ProtocolWriter(message);
        writer.WriteTag(DomainTags.Vdf);
        writer.WriteHash(state);
        Run(buffer, message, digest, firstIteration, count);
        return new Hash32(message.Slice(StateOffset, Hash32.Size));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(VdfBuffer buffer, Span<byte> message, Span<byte> digest, ulong firstIteration, ulong count)
    {
        Span<byte> stateBytes = message.Slice(StateOffset, Hash32.Size);
        Span<byte> block = message.Slice(BlockOffset, VdfBuffer.BlockSize);
        Span<byte> counter = message.Slice(CounterOffset, sizeof(ulong));
        ulong end = firstIteration + count;
        for (ulong i = firstIteration; i < end; i++)
        {
            buffer.BlockFor(stateBytes).CopyTo(block);
            BinaryPrimitives.WriteUInt64BigEndian(counter, i);
            Sha256.Hash(message, digest);
            digest.CopyTo(stateBytes);
        }
    }
}
