// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Storage;

public sealed class ChainRecordBytesTests
{
    internal static readonly Hash32 Chain = Sha256.Hash("chain"u8);

    internal static ChainRecord CommitAt(ulong height, Hash32 previous) => ChainRecord.Commit(
        Chain, previous, height, Sha256.Hash([(byte)height]), Sha256.Hash([(byte)height, 1]), [3, 9, 1, 14], [Sha256.Hash("a"u8), Sha256.Hash("b"u8), Sha256.Hash("c"u8), Sha256.Hash("d"u8)]);

    [Fact]
    public void CommitAndGapRecordsRoundTripWithTheDocumentedLayout()
    {
        ChainRecord commit = CommitAt(7, Sha256.Hash("previous"u8));
        ChainRecord gap = ChainRecord.Gap(Chain, commit.Commitment, 8, Sha256.Hash("block 8"u8));

        byte[] commitBytes = ChainRecordBytes.Encode(commit);
        byte[] gapBytes = ChainRecordBytes.Encode(gap);

        // version, kind, height, block hash, previous, count, 4 indices, 4 digests, commitment.
        Assert.Equal(1 + 1 + 8 + 32 + 32 + 1 + (4 * 8) + (4 * 32) + 32, commitBytes.Length);
        Assert.Equal(1 + 1 + 8 + 32 + 32 + 1 + 32, gapBytes.Length);
        Assert.Equal([1, (byte)ChainRecordKind.Commit, 0, 0, 0, 0, 0, 0, 0, 7], commitBytes[..10]);
        Assert.Equal(commit, ChainRecordBytes.Decode(commitBytes));
        Assert.Equal(gap, ChainRecordBytes.Decode(gapBytes));
    }

    [Fact]
    public void DamagedPayloadsAreReportedNotHalfRead()
    {
        byte[] bytes = ChainRecordBytes.Encode(CommitAt(7, Hash32.Zero));

        Assert.Contains("Truncated", Assert.Throws<FormatException>(() => ChainRecordBytes.Decode(bytes.AsSpan(0, bytes.Length - 1))).Message, StringComparison.Ordinal);
        Assert.Contains("trailing", Assert.Throws<FormatException>(() => ChainRecordBytes.Decode([.. bytes, 0])).Message, StringComparison.Ordinal);
        byte[] otherVersion = [.. bytes];
        otherVersion[0] = 2;
        Assert.Contains("version 2", Assert.Throws<FormatException>(() => ChainRecordBytes.Decode(otherVersion)).Message, StringComparison.Ordinal);
        byte[] badKind = [.. bytes];
        badKind[1] = 9;
        Assert.Contains("damaged", Assert.Throws<FormatException>(() => ChainRecordBytes.Decode(badKind)).Message, StringComparison.Ordinal);
    }
}
