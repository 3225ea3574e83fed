// SPDX-License-Identifier: MIT
//  Replica encoding, version 1
//      Prover-specific, chained, work-weighted encoding of 4,096-byte chunks, word by word
//      (a chunk is 128 words of 32 bytes): each stored word is the plain word XORed with a hash
//      chain fed by the stored word to its left and the stored word above it (same word of the
//      previous chunk), like CFB mode over a grid.
//  Definitions (H = tagged SHA-256 through ProtocolWriter; SHA-256 = plain, untagged):
//      key        = H("posc/v1/replica-key" ‖ prover_pk(32) ‖ data_hash(32) ‖ u8 version ‖ u32 W)
//      row_i      = H("posc/v1/replica-pad" ‖ key ‖ u64 i)
//      left_{i,k} = C_{i,k-1} for k > 0;  32 zero bytes for k = 0
//      up_{i,k}   = C_{i-1,k} for i > 0;  32 zero bytes for i = 0
//      x_0        = SHA-256(row_i ‖ u8 k ‖ left_{i,k} ‖ up_{i,k})                 (97 bytes)
//      x_{j+1}    = SHA-256(x_j)            for j < t_k,  t_k = ⌊W/128⌋ + (k < W mod 128 ? 1 : 0)
//      C_{i,k}    = P_{i,k} XOR x_{t_k}                 (Σ_k t_k = W)
//  Properties:
//      encoding is sequential (word k needs word k-1 and the word above it);
//      decoding chunk i needs only stored chunks i-1 and i; every word decodes independently.
//      Design, attacks and measured costs: docs/protocol.md §3.

using System.Runtime.Intrinsics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// The prover-specific replica encoding of one file for one prover. Every 32-byte word of a stored
/// chunk is the plain word XORed with the end of a SHA-256 chain seeded by the chunk's key-bound
/// row seed, the stored word to its left and the stored word above it in the previous chunk; the
/// chains add up to <see cref="WorkFactor"/> extra iterations per chunk on top of 128 seeds.
/// <para>
/// What this buys: the only way to produce stored chunk <c>i</c> is to run its 128 chains in order,
/// and that needs the whole stored chunk <c>i − 1</c>, which needs chunk <c>i − 2</c>, and so on
/// back to the nearest stored chunk the prover actually kept. There is no short per-chunk hint
/// (a seed, a digest) from which a stored chunk can be regenerated cheaply: every keystream word is
/// a separate hash output. So a prover holding only the plain data (or one copy shared with other
/// provers) pays at least <c>256 + W</c> sequential SHA-256 compressions per chunk it must rebuild.
/// Decoding any chunk needs only its predecessor and is parallel (every word independently).
/// </para>
/// Every method is allocation-free.
/// </summary>
public sealed class ReplicaCodec
{
    /// <summary>The encoding version this codec implements (committed in the key and in <see cref="ReplicaInfo"/>).</summary>
    public const byte EncodingVersion = 1;

    /// <summary>
    /// Production work factor: 1,024 extra sequential SHA-256 iterations per chunk (8 per word),
    /// on top of the 128 word seeds. Cost measured in docs/protocol.md §3.
    /// </summary>
    public const uint DefaultWorkFactor = 1024;

    /// <summary>
    /// Upper bound on the work factor (8,192 iterations per word): a sanity limit so a bad
    /// parameter cannot make decoding a single chunk take seconds.
    /// </summary>
    public const uint MaxWorkFactor = 1 << 20;

    /// <summary>Number of 32-byte words per chunk.</summary>
    public const int WordsPerChunk = ChunkLayout.ChunkSize / Hash32.Size;

    /// <summary>Bytes of the key derivation input: tag (1 + 19), key (32), data hash (32), version (1), W (4).</summary>
    private const int KeyInputSize = 1 + 19 + 32 + 32 + 1 + 4;

    /// <summary>Bytes of the row seed input: tag (1 + 19), key (32), index (8).</summary>
    private const int RowInputSize = 1 + 19 + 32 + 8;

    /// <summary>Bytes of a word seed input: row (32), word index (1), left (32), up (32).</summary>
    private const int WordInputSize = 32 + 1 + 32 + 32;

    /// <summary>The stored chunk above chunk 0: 4,096 zero bytes.</summary>
    private static readonly byte[] ZeroChunk = new byte[ChunkLayout.ChunkSize];

    /// <summary>
    /// Creates the codec of one (prover, file) pair.
    /// <paramref name="workFactor"/> 0 is meant for tests and the dev profile: each word is then a
    /// single seed hash (still 128 sequential hashes per chunk, still prover-specific), with no
    /// extra iterations; production uses <see cref="DefaultWorkFactor"/> or more.
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

    /// <summary>Extra sequential SHA-256 iterations per chunk, spread over its 128 words.</summary>
    public uint WorkFactor { get; }

    /// <summary>The replica key, <c>H(ReplicaKey ‖ prover_pk ‖ data_hash ‖ u8 version ‖ u32 W)</c>.</summary>
    public Hash32 Key { get; }

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

    /// <summary>The leaf of a stored chunk: <c>TaggedHash(Leaf, stored)</c>.</summary>
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
    /// Encodes one plain chunk (already zero-padded to 4,096 bytes) into its stored form.
    /// <paramref name="previousStoredChunk"/> is stored chunk <c>index − 1</c>, or empty for chunk 0.
    /// <paramref name="plainChunk"/> and <paramref name="storedChunk"/> may be the same buffer;
    /// neither may overlap <paramref name="previousStoredChunk"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void EncodeChunk(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> plainChunk, Span<byte> storedChunk)
    {
        Validate(index, previousStoredChunk, plainChunk, nameof(plainChunk), storedChunk, nameof(storedChunk));
        Encode(index, previousStoredChunk, plainChunk, storedChunk);
    }

    /// <summary>
    /// Decodes one stored chunk back to the plain chunk (4,096 bytes, including the last chunk's padding).
    /// <paramref name="previousStoredChunk"/> is stored chunk <c>index − 1</c>, or empty for chunk 0.
    /// <paramref name="storedChunk"/> and <paramref name="plainChunk"/> may be the same buffer;
    /// neither may overlap <paramref name="previousStoredChunk"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public void DecodeChunk(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> storedChunk, Span<byte> plainChunk)
    {
        Validate(index, previousStoredChunk, storedChunk, nameof(storedChunk), plainChunk, nameof(plainChunk));
        Decode(index, previousStoredChunk, storedChunk, plainChunk);
    }

    /// <summary>Encodes with trusted arguments (the streaming encoder checks sizes once per file).</summary>
    internal void Encode(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> plain, Span<byte> stored)
    {
        ReadOnlySpan<byte> above = index == 0 ? ZeroChunk : previousStoredChunk;
        Span<byte> input = stackalloc byte[WordInputSize];
        WriteRow(index, input);
        Span<byte> keystream = stackalloc byte[Hash32.Size];

        // Forward: word k reads the stored word k - 1 just written, so plain and stored may alias.
        for (int k = 0; k < WordsPerChunk; k++)
        {
            ReadOnlySpan<byte> left = k == 0 ? ZeroChunk.AsSpan(0, Hash32.Size) : stored.Slice((k - 1) * Hash32.Size, Hash32.Size);
            WordKeystream(input, k, left, above.Slice(k * Hash32.Size, Hash32.Size), keystream);
            Xor(plain.Slice(k * Hash32.Size, Hash32.Size), keystream, stored.Slice(k * Hash32.Size, Hash32.Size));
        }
    }

    /// <summary>Decodes with trusted arguments (the streaming decoder checks sizes once per file).</summary>
    internal void Decode(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> stored, Span<byte> plain)
    {
        ReadOnlySpan<byte> above = index == 0 ? ZeroChunk : previousStoredChunk;
        Span<byte> input = stackalloc byte[WordInputSize];
        WriteRow(index, input);
        Span<byte> keystream = stackalloc byte[Hash32.Size];

        // Backward: word k reads stored word k - 1, which an in-place decode has not yet overwritten.
        for (int k = WordsPerChunk - 1; k >= 0; k--)
        {
            ReadOnlySpan<byte> left = k == 0 ? ZeroChunk.AsSpan(0, Hash32.Size) : stored.Slice((k - 1) * Hash32.Size, Hash32.Size);
            WordKeystream(input, k, left, above.Slice(k * Hash32.Size, Hash32.Size), keystream);
            Xor(stored.Slice(k * Hash32.Size, Hash32.Size), keystream, plain.Slice(k * Hash32.Size, Hash32.Size));
        }
    }

    /// <summary>Writes <c>row_i</c> into the first 32 bytes of the word input buffer.</summary>
    private void WriteRow(long index, Span<byte> wordInput)
    {
        Span<byte> rowInput = stackalloc byte[RowInputSize];
        ProtocolWriter writer = new(rowInput);
        writer.WriteTag(DomainTags.ReplicaPad);
        writer.WriteHash(Key);
        writer.WriteUInt64((ulong)index);
        Sha256.Hash(writer.Written, wordInput[..Hash32.Size]);
    }

    /// <summary><c>x_0 = SHA-256(row ‖ u8 k ‖ left ‖ up)</c>, then <c>t_k</c> iterations of <c>SHA-256(x)</c>.</summary>
    private void WordKeystream(Span<byte> input, int k, ReadOnlySpan<byte> left, ReadOnlySpan<byte> up, Span<byte> keystream)
    {
        input[Hash32.Size] = (byte)k;
        left.CopyTo(input.Slice(Hash32.Size + 1, Hash32.Size));
        up.CopyTo(input.Slice((2 * Hash32.Size) + 1, Hash32.Size));
        Span<byte> chain = stackalloc byte[2 * Hash32.Size];
        Span<byte> current = chain[..Hash32.Size];
        Span<byte> next = chain[Hash32.Size..];
        Sha256.Hash(input, current);
        uint iterations = (WorkFactor / WordsPerChunk) + ((uint)k < WorkFactor % WordsPerChunk ? 1u : 0u);
        for (uint j = 0; j < iterations; j++)
        {
            Sha256.Hash(current, next);
            next.CopyTo(current);
        }

        current.CopyTo(keystream);
    }

    private static void Xor(ReadOnlySpan<byte> source, ReadOnlySpan<byte> keystream, Span<byte> destination)
    {
        Vector256<byte> result = Vector256.Create(source) ^ Vector256.Create(keystream);
        result.CopyTo(destination);
    }

    private static void Validate(long index, ReadOnlySpan<byte> previousStoredChunk, ReadOnlySpan<byte> source, string sourceName, Span<byte> destination, string destinationName)
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
