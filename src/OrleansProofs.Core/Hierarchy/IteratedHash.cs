// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Interop;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// The iterated hash applied to every hierarchy seed: one step is
/// <c>x ← SHA-256(u8 15 ‖ "posc/v1/iterate" ‖ x)</c>, a 48-byte message (one SHA-256 block after
/// padding), repeated <c>iterations</c> times. It is a work factor, not a time lock: the iterations
/// of a 100,000-chain block take milliseconds; the VDF is what bounds time.
/// </summary>
public static class IteratedHash
{
    /// <summary>Bytes hashed per step: the 16-byte tag prefix and the 32-byte state.</summary>
    public const int StepInputSize = 48;

    /// <summary>Offset of the state inside the step input.</summary>
    private const int StateOffset = 16;

    /// <summary>True when steps run on the single-block native compression (see <see cref="LibCryptoBlock"/>).</summary>
    public static bool IsBlockFastPath => LibCryptoBlock.IsAvailable;

    /// <summary>One step: <c>SHA-256(u8 15 ‖ "posc/v1/iterate" ‖ x)</c>.</summary>
    public static Hash32 Step(in Hash32 x)
    {
        Span<byte> buffer = stackalloc byte[StepInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Iterate);
        writer.WriteHash(x);
        return writer.Hash();
    }

    /// <summary>Applies <paramref name="iterations"/> steps to <paramref name="seed"/> (0 returns the seed).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is negative.</exception>
    public static Hash32 Compute(in Hash32 seed, int iterations)
    {
        if (iterations < 0)
        {
            throw Error.OutOfRange(nameof(iterations), iterations, "must not be negative");
        }

        return LibCryptoBlock.IsAvailable ? ComputeBlock(seed, iterations) : ComputePortable(seed, iterations);
    }

    /// <summary>The portable path: each step through <see cref="Sha256.Hash(ReadOnlySpan{byte}, Span{byte})"/>.</summary>
    internal static Hash32 ComputePortable(in Hash32 seed, int iterations)
    {
        Span<byte> buffer = stackalloc byte[StepInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Iterate);
        writer.WriteHash(seed);
        Span<byte> digest = stackalloc byte[Hash32.Size];
        Span<byte> state = buffer[StateOffset..];
        for (int i = 0; i < iterations; i++)
        {
            Sha256.Hash(buffer, digest);
            digest.CopyTo(state);
        }

        return new Hash32(state);
    }

    /// <summary>
    /// The fast path: the step input is kept pre-padded in one 64-byte block (tag prefix, state,
    /// 0x80, zeros, bit length 384), and each step is one compression from the SHA-256 initial value,
    /// whose output words are written back big-endian as the next state. Only call when
    /// <see cref="IsBlockFastPath"/> is true.
    /// </summary>
    internal static unsafe Hash32 ComputeBlock(in Hash32 seed, int iterations)
    {
        byte* block = stackalloc byte[64];
        byte* context = stackalloc byte[LibCryptoBlock.ContextSize];
        PrepareBlock(block, seed);
        RunBlockSteps(block, context, iterations);
        return new Hash32(new ReadOnlySpan<byte>(block + StateOffset, Hash32.Size));
    }

    /// <summary>
    /// Writes the padded step block. Kept out of line so that the step loop itself contains no
    /// 256-bit instructions (copying a <see cref="Hash32"/> uses them).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void PrepareBlock(byte* block, in Hash32 seed)
    {
        Span<byte> blockSpan = new(block, 64);
        blockSpan.Clear();
        ProtocolWriter writer = new(blockSpan);
        writer.WriteTag(DomainTags.Iterate);
        writer.WriteHash(seed);
        block[StepInputSize] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(blockSpan[56..], StepInputSize * 8);
    }

    /// <summary>
    /// The step loop, scalar loads and stores only. OpenSSL's SHA-NI code is legacy-SSE encoded;
    /// a 256-bit store of the initial value inside this loop measured about 5x slower per step,
    /// because the upper vector halves are then dirty at every native call.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void RunBlockSteps(byte* block, byte* context, int iterations)
    {
        uint* chaining = (uint*)context;
        uint* stateWords = (uint*)(block + StateOffset);
        ReadOnlySpan<uint> initialValue = LibCryptoBlock.Sha256InitialValue;
        for (int i = 0; i < iterations; i++)
        {
            for (int w = 0; w < 8; w++)
            {
                chaining[w] = initialValue[w];
            }

            LibCryptoBlock.Transform(context, block);
            for (int w = 0; w < 8; w++)
            {
                stateWords[w] = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(chaining[w]) : chaining[w];
            }
        }
    }
}
