// SPDX-License-Identifier: MIT
//  Fiat–Shamir segment sample — docs/protocol.md §6 §6; input: transcript hash, segment count, k; output: k distinct segment indices.

using System.Buffers.Binary;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// Derives which segments a verifier re-executes from the hash of everything the prover sent, so
/// the prover cannot know the sample before fixing every checkpoint. Draw stream
/// <c>H(tag Vdf ‖ "sample" ‖ transcript ‖ u32 counter)</c>, four big-endian u64 words per digest,
/// rejection sampling (reject <c>w ≥ 2^64 − (2^64 mod m)</c>), then <c>w mod m</c>, duplicates skipped,
/// first <c>k = min(sampleCount, m)</c> distinct indices in draw order. A larger k extends a smaller one.
/// </summary>
internal static class VdfSampler
{
    internal static int[] Draw(Hash32 transcript, long segmentCount, int sampleCount)
    {
        int k = (int)Math.Min(sampleCount, segmentCount);
        int[] chosen = new int[k];
        if (k == 0)
        {
            return chosen;
        }

        if (k == segmentCount)
        {
            for (int i = 0; i < k; i++)
            {
                chosen[i] = i;
            }

            return chosen;
        }

        ulong m = (ulong)segmentCount;
        ulong limit = ulong.MaxValue - ((ulong.MaxValue % m) + 1) % m; // accept w <= limit, i.e. w < 2^64 - (2^64 mod m)
        var seen = new HashSet<int>(k);
        Span<byte> message = stackalloc byte[64];
        int found = 0;
        for (uint counter = 0; found < k; counter++)
        {
            var writer = new ProtocolWriter(message);
            writer.WriteTag(DomainTags.Vdf);
            writer.WriteBytes("sample"u8);
            writer.WriteHash(transcript);
            writer.WriteUInt32(counter);
            Hash32 digest = writer.Hash();
            for (int word = 0; word < 4 && found < k; word++)
            {
                ulong w = BinaryPrimitives.ReadUInt64BigEndian(digest.Bytes.Slice(word * 8, 8));
                if (w > limit)
                {
                    continue;
                }

                int index = (int)(w % m);
                if (seen.Add(index))
                {
                    chosen[found++] = index;
                }
            }
        }

        return chosen;
    }
}
