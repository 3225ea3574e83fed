// SPDX-License-Identifier: MIT
//  VDF buffer — docs/protocol.md §6 §2; input: seed, size; output: the read-only scrypt V array.

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Interop;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// The memory of the VDF: <c>N = size / 128</c> blocks of 128 bytes filled sequentially from public
/// data, <c>V[0] = H(tag Vdf ‖ "fill" ‖ seed ‖ u8 0..3)</c> and <c>V[i] = scryptBlockMix(V[i−1])</c>.
/// Each block depends on the one before, so a block that was not kept costs a recomputation from
/// the nearest kept one. The buffer is never written after the fill: every iteration only reads it,
/// which is what lets a verifier re-execute any segment from its start state alone (see
/// docs/security.md §4). One instance can be shared by any number of readers.
/// </summary>
public sealed class VdfBuffer
{
    /// <summary>Bytes per block (scrypt r = 1).</summary>
    public const int BlockSize = 128;

    /// <summary>Smallest allowed buffer: 64 KiB (tests and the dev profile use a few MiB).</summary>
    public const long MinBytes = 1L << MinLog2Bytes;

    /// <summary>Largest allowed buffer: 1 GiB (one managed array).</summary>
    public const long MaxBytes = 1L << MaxLog2Bytes;

    /// <summary>The production size, 256 MiB (standard and enhanced profiles).</summary>
    public const long StandardBytes = 256L * 1024 * 1024;

    internal const int MinLog2Bytes = 16;
    internal const int MaxLog2Bytes = 30;

    private readonly byte[] _memory;
    private readonly ulong _blockMask;

    private VdfBuffer(Hash32 seed, int log2Bytes, byte[] memory)
    {
        Seed = seed;
        Log2Bytes = log2Bytes;
        _memory = memory;
        _blockMask = (ulong)(memory.Length / BlockSize) - 1;
    }

    /// <summary>The seed the buffer was filled from.</summary>
    public Hash32 Seed { get; }

    /// <summary>Size in bytes.</summary>
    public long ByteLength => _memory.Length;

    /// <summary>log2 of the size, the form the wire formats carry.</summary>
    public int Log2Bytes { get; }

    /// <summary>Number of 128-byte blocks.</summary>
    public long BlockCount => _memory.Length / BlockSize;

    /// <summary>
    /// Allocates and fills a buffer of <paramref name="bufferBytes"/> (a power of two from
    /// <see cref="MinBytes"/> to <see cref="MaxBytes"/>) from <paramref name="seed"/>.
    /// Costs one pass of scryptBlockMix over the whole size (about 0.3 s at 256 MiB).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferBytes"/> is not an allowed size.</exception>
    public static VdfBuffer Create(Hash32 seed, long bufferBytes)
    {
        int log2 = ValidateSize(bufferBytes, nameof(bufferBytes));
        byte[] memory = GC.AllocateUninitializedArray<byte>((int)bufferBytes, pinned: true);
        AdviseHugePages(memory);
        Fill(seed, memory);
        return new VdfBuffer(seed, log2, memory);
    }

    /// <summary>Checks a buffer size and returns its log2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a power of two in [<see cref="MinBytes"/>, <see cref="MaxBytes"/>].</exception>
    public static int ValidateSize(long bufferBytes, string paramName)
    {
        if (bufferBytes < MinBytes || bufferBytes > MaxBytes || (bufferBytes & (bufferBytes - 1)) != 0)
        {
            throw Error.OutOfRange(paramName, bufferBytes, $"must be a power of two from {MinBytes} to {MaxBytes} bytes");
        }

        return System.Numerics.BitOperations.Log2((ulong)bufferBytes);
    }

    /// <summary>True when this buffer was filled from <paramref name="seed"/> at 2^<paramref name="log2Bytes"/> bytes.</summary>
    public bool Matches(Hash32 seed, int log2Bytes) => Seed == seed && Log2Bytes == log2Bytes;

    /// <summary>The block a state selects: <c>V[u64be(state[0..8]) mod N]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> BlockFor(ReadOnlySpan<byte> state)
    {
        ulong index = BinaryPrimitives.ReadUInt64BigEndian(state) & _blockMask;
        // index < N by the mask, so the slice is always inside the array; skip the bounds checks.
        ref byte start = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_memory), (nint)(index * BlockSize));
        return MemoryMarshal.CreateReadOnlySpan(ref start, BlockSize);
    }

    /// <summary>Block <paramref name="index"/> (tests and vectors).</summary>
    internal ReadOnlySpan<byte> Block(long index) => _memory.AsSpan(checked((int)(index * BlockSize)), BlockSize);

    private static void Fill(Hash32 seed, byte[] memory)
    {
        // V[0]: four tagged hashes of the seed, 128 bytes, read as 32 little-endian words.
        Span<byte> message = stackalloc byte[64];
        for (int part = 0; part < 4; part++)
        {
            var writer = new ProtocolWriter(message);
            writer.WriteTag(DomainTags.Vdf);
            writer.WriteBytes("fill"u8);
            writer.WriteHash(seed);
            writer.WriteByte((byte)part);
            writer.Hash().CopyTo(memory.AsSpan(part * Hash32.Size, Hash32.Size));
        }

        Span<uint> words = MemoryMarshal.Cast<byte, uint>(memory.AsSpan());
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(words[..ScryptBlockMix.BlockWords], words[..ScryptBlockMix.BlockWords]);
        }

        // V[i] = BlockMix(V[i-1]), computed on host-order words in place.
        int blocks = memory.Length / BlockSize;
        for (int i = 1; i < blocks; i++)
        {
            ScryptBlockMix.Mix(
                words.Slice((i - 1) * ScryptBlockMix.BlockWords, ScryptBlockMix.BlockWords),
                words.Slice(i * ScryptBlockMix.BlockWords, ScryptBlockMix.BlockWords));
        }

        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private static unsafe void AdviseHugePages(byte[] pinned)
    {
        // The array is pinned (pinned object heap), so its address is stable for its lifetime.
        LibC.TryAdviseHugePages(Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), pinned.Length);
    }
}
