// SPDX-License-Identifier: MIT
//  Replica encoding, version 1
//      Prover-specific, chained, work-weighted XOR pad over 4,096-byte chunks.
//  Definitions (H = tagged SHA-256 through ProtocolWriter, SHA-256 = plain):
//      key      = H("posc/v1/replica-key" ‖ prover_pk(32) ‖ data_hash(32) ‖ u8 version ‖ u32 W)
//      prev_i   = stored_{i-1} (4,096 bytes); prev_0 = 4,096 zero bytes
//      link_i   = TaggedHash("posc/v1/leaf", stored_{i-1}) (its leaf); link_0 = 32 zero bytes
//      s_0      = H("posc/v1/replica-pad" ‖ key ‖ u64 i ‖ link_i)
//      s_{j+1}  = SHA-256(s_j ‖ prev_i[32·w_j .. 32·w_j + 32]),  w_j = s_j[0] mod 128,  j = 0 .. W-1
//      pad_i    = SHA-256(s_W ‖ u32 0) ‖ … ‖ SHA-256(s_W ‖ u32 127)          (4,096 bytes)
//      stored_i = plain_i (zero-padded to 4,096) XOR pad_i
//  Properties:
//      encode is sequential over chunks (pad_i reads stored_{i-1} at data-dependent places);
//      decode of chunk i needs only stored_{i-1} and stored_i, so decoding is parallel.
//      Design and measured costs: docs/protocol/storage.md.

using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// The prover-specific replica encoding of one file for one prover. A stored chunk is the plain
/// chunk XORed with a pad that takes <see cref="WorkFactor"/> sequential SHA-256 steps to derive,
/// keyed by the prover's public key and the data hash, each step reading a word of the previous
/// stored chunk chosen by the running state (CBC-like chaining). Anyone can re-derive it; what it
/// forces is cost: a prover keeping only the plain data (or one copy shared with other provers)
/// must rebuild stored chunk <c>i − 1</c> to answer for chunk <c>i</c>, and so on back to the
/// nearest stored chunk it kept: W sequential steps per chunk of that distance. Encoding is
/// sequential over a file; decoding any chunk needs only its predecessor, so decoding is parallel.
/// Every method is allocation-free.
/// </summary>
public sealed class ReplicaCodec
{
    /// <summary>The encoding version this codec implements (committed in the key and in <see cref="ReplicaInfo"/>).</summary>
    public const byte EncodingVersion = 1;

    /// <summary>
    /// Production work factor: 1,024 sequential SHA-256 iterations per chunk. Measured in
    /// docs/protocol/storage.md (about 0.2 ms per chunk on one core with SHA-NI), which costs an
    /// honest prover about 50 s of one core per GiB once, at encoding, and a cheater the same per
    /// challenged chunk at every block.
    /// </summary>
    public const uint DefaultWorkFactor = 1024;

    /// <summary>
    /// Upper bound on the work factor (about 0.2 s of hashing per chunk): a sanity limit so a bad
    /// parameter cannot make decoding a single chunk take minutes.
    /// </summary>
    public const uint MaxWorkFactor = 1 << 20;

    /// <summary>Number of 32-byte pad blocks per chunk.</summary>
    private const int PadBlocks = ChunkLayout.ChunkSize / Hash32.Size;

    /// <summary>Bytes of the key derivation input: tag (1 + 19), key (32), data hash (32), version (1), W (4).</summary>
    private const int KeyInputSize = 1 + 19 + 32 + 32 + 1 + 4;

    /// <summary>The previous chunk of chunk 0: 4,096 zero bytes.</summary>
    private static readonly byte[] ZeroChunk = new byte[ChunkLayout.ChunkSize];

    /// <summary>Bytes of the pad seed input: tag (1 + 19), key (32), index (8), link (32).</summary>
    private const int SeedInputSize = 1 + 19 + 32 + 8 + 32;

    /// <summary>
    /// Creates the codec of one (prover, file) pair.
    /// <paramref name="workFactor"/> 0 is accepted for tests and the dev profile only: the pad is
    /// then a plain keyed hash expansion with no sequential work, which stops deduplication across
    /// provers but not on-demand re-encoding.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workFactor"/> is above <see cref="MaxWorkFactor"/>.</exception>
    public ReplicaCodec(ProverPublicKey prover, in Hash32 dataHash, uint workFactor)
    {
        Prover = prover;
        DataHash = dataHash;
        WorkFactor = workFactor;
        Key = DeriveKey(prover, dataHash, workFactor);
    }

    /// <summary>The prover whose replica this is.</summary>
    public ProverPublicKey Prover { get; }

    /// <summary>The data hash of the original file.</summary>
    public Hash32 DataHash { get; }

    /// <summary>Sequential SHA-256 iterations per chunk pad.</summary>
    public uint WorkFactor { get; }

    /// <summary>The replica key, <c>H(ReplicaKey ‖ prover_pk ‖ data_hash ‖ u8 version ‖ u32 W)</c>.</summary>
    public Hash32 Key { get; }

    /// <summary>The link of chunk 0 (it has no previous stored chunk): 32 zero bytes.</summary>
    public static Hash32 FirstLink => Hash32.Zero;

    /// <summary>Derives the replica key: <c>H(ReplicaKey ‖ prover_pk(32) ‖ data_hash(32) ‖ u8 1 ‖ u32 W)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workFactor"/> is above <see cref="MaxWorkFactor"/>.</exception>
    public static Hash32 DeriveKey(ProverPublicKey prover, in Hash32 dataHash, uint workFactor)
    {
        if (workFactor > MaxWorkFactor)
        {
            throw Error.OutOfRange(nameof(workFactor), workFactor, $"must be at most {MaxWorkFactor} iterations per chunk");
        }

        Span<byte> buffer = stackalloc byte[KeyInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.ReplicaKey);
        writer.WriteHash(prover.AsHash32());
        writer.WriteHash(dataHash);
        writer.WriteByte(EncodingVersion);
        writer.WriteUInt32(workFactor);
        return writer.Hash();
    }

    /// <summary>The leaf of a stored chunk: <c>TaggedHash(Leaf, stored)</c>; also the link of the next chunk.</summary>
    /// <exception cref="ArgumentException"><paramref name="storedChunk"/> is not 4,096 bytes.</exception>
    public static Hash32 LeafHash(ReadOnlySpan<byte> storedChunk)
    {
        if (storedChunk.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(storedChunk), ChunkLayout.ChunkSize, storedChunk.Length);
        }

        return TaggedHash.Compute(DomainTags.Leaf, storedChunk);
    }

    /// <summary>
    /// Writes the 4,096-byte pad of chunk <paramref name="index"/> into <paramref name="pad"/>.
    /// <paramref name="previousStoredChunk"/> is stored chunk <c>index − 1</c> (4,096 bytes), or empty for chunk 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below the maximum chunk count.</exception>
    /// <exception cref="ArgumentException"><paramref name="pad"/> is not 4,096 bytes, or <paramref name="previousStoredChunk"/> is not 4,096 bytes (empty for chunk 0).</exception>
    public void ComputePad(long index, ReadOnlySpan<byte> previousStoredChunk, Span<byte> pad)
    {
        ValidateIndex(index, previousStoredChunk);
        if (pad.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(nameof(pad), ChunkLayout.ChunkSize, pad.Length);
        }

        Hash32 link = index == 0 ? FirstLink : TaggedHash.Compute(DomainTags.Leaf, previousStoredChunk);
        ComputePadCore(index, previousStoredChunk, link, pad);
    }

    /// <summary>
    /// Encodes one plain chunk (already zero-padded to 4,096 bytes) into its stored form.
    /// <paramref name="previousStoredChunk"/> is stored chunk <c>index − 1</c>, or empty for chunk 0.
    /// <paramref name="plainChunk"/> and <paramref name="storedChunk"/> may be the same buffer.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void EncodeChunk(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> plainChunk, Span<byte> storedChunk)
    {
        ValidateIndex(index, previousStoredChunk);
        ValidateChunks(plainChunk, nameof(plainChunk), storedChunk, nameof(storedChunk));
        Hash32 link = index == 0 ? FirstLink : TaggedHash.Compute(DomainTags.Leaf, previousStoredChunk);
        Apply(index, previousStoredChunk, link, plainChunk, storedChunk);
    }

    /// <summary>
    /// Decodes one stored chunk back to the plain chunk (4,096 bytes, including the last chunk's padding).
    /// <paramref name="previousStoredChunk"/> is stored chunk <c>index − 1</c>, or empty for chunk 0.
    /// <paramref name="storedChunk"/> and <paramref name="plainChunk"/> may be the same buffer.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void DecodeChunk(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> storedChunk, Span<byte> plainChunk)
    {
        ValidateIndex(index, previousStoredChunk);
        ValidateChunks(storedChunk, nameof(storedChunk), plainChunk, nameof(plainChunk));
        Hash32 link = index == 0 ? FirstLink : TaggedHash.Compute(DomainTags.Leaf, previousStoredChunk);
        Apply(index, previousStoredChunk, link, storedChunk, plainChunk);
    }

    /// <summary>
    /// Encode or decode (XOR is its own inverse) when the caller already holds the previous chunk's
    /// leaf (the streaming encoder and decoder hash every chunk anyway). Arguments are trusted.
    /// </summary>
    internal void Apply(long index, ReadOnlySpan<byte> previousStoredChunk, in Hash32 link, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<byte> pad = stackalloc byte[ChunkLayout.ChunkSize];
        ComputePadCore(index, previousStoredChunk, link, pad);
        ReadOnlySpan<Vector<byte>> s = MemoryMarshal.Cast<byte, Vector<byte>>(source);
        ReadOnlySpan<Vector<byte>> p = MemoryMarshal.Cast<byte, Vector<byte>>(pad);
        Span<Vector<byte>> d = MemoryMarshal.Cast<byte, Vector<byte>>(destination);
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = s[i] ^ p[i];
        }
    }

    private void ComputePadCore(long index, ReadOnlySpan<byte> previousStoredChunk, in Hash32 link, Span<byte> pad)
    {
        Span<byte> seedInput = stackalloc byte[SeedInputSize];
        ProtocolWriter writer = new(seedInput);
        writer.WriteTag(DomainTags.ReplicaPad);
        writer.WriteHash(Key);
        writer.WriteUInt64((ulong)index);
        writer.WriteHash(link);

        // s_0, then W sequential steps. Step j hashes the state with the 32-byte word of the previous
        // stored chunk that the state itself selects, so the whole previous chunk (not a digest of it)
        // must be at hand while the chain runs. Chunk 0 reads 4,096 zero bytes.
        ReadOnlySpan<byte> previous = index == 0 ? ZeroChunk : previousStoredChunk;
        Span<byte> state = stackalloc byte[3 * Hash32.Size];
        Span<byte> input = state[..(2 * Hash32.Size)];
        Span<byte> current = state[..Hash32.Size];
        Span<byte> word = state[Hash32.Size..(2 * Hash32.Size)];
        Span<byte> next = state[(2 * Hash32.Size)..];
        Sha256.Hash(writer.Written, current);
        for (uint j = 0; j < WorkFactor; j++)
        {
            int w = current[0] & (PadBlocks - 1);
            previous.Slice(w * Hash32.Size, Hash32.Size).CopyTo(word);
            Sha256.Hash(input, next);
            next.CopyTo(current);
        }

        // Expand s_W: block b = SHA-256(s_W ‖ u32 b).
        Span<byte> block = state[..(Hash32.Size + sizeof(uint))];
        Span<byte> counter = block[Hash32.Size..];
        for (int b = 0; b < PadBlocks; b++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter, (uint)b);
            Sha256.Hash(block, pad.Slice(b * Hash32.Size, Hash32.Size));
        }
    }

    private static void ValidateIndex(long index, ReadOnlySpan<byte> previousStoredChunk)
    {
        if (index < 0 || index >= MerkleTree.MaxLeafCount)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be a chunk index below {MerkleTree.MaxLeafCount}");
        }

        int expected = index == 0 ? 0 : ChunkLayout.ChunkSize;
        if (previousStoredChunk.Length != expected)
        {
            throw new ArgumentException(
                $"'{nameof(previousStoredChunk)}' must be {(index == 0 ? "empty for chunk 0" : $"the {ChunkLayout.ChunkSize}-byte stored chunk {index - 1}")}; got {previousStoredChunk.Length} bytes.",
                nameof(previousStoredChunk));
        }
    }

    private static void ValidateChunks(ReadOnlySpan<byte> source, string sourceName, Span<byte> destination, string destinationName)
    {
        if (source.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(sourceName, ChunkLayout.ChunkSize, source.Length);
        }

        if (destination.Length != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength(destinationName, ChunkLayout.ChunkSize, destination.Length);
        }
    }
}
