// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Storage;

/// <summary>The <see cref="ICommitmentLog"/> contract, run against each implementation.</summary>
public abstract class CommitmentLogContract
{
    private const uint Group = 7;

    private static readonly Hash32 Other = Sha256.Hash("other chain"u8);

    /// <summary>The log under test, empty.</summary>
    protected abstract ICommitmentLog Log { get; }

    [ContractFact]
    public async Task ReadsByChainAboveAHeightInOrderAndByHeight()
    {
        ChainRecord[] records = Linked(2, 5);
        foreach (ChainRecord record in records.Reverse())
        {
            await Log.AppendAsync("net", Group, [new CommitmentLogEntry(ChainRecordBytesTests.Chain, record), new CommitmentLogEntry(Other, record)]);
        }

        await Log.AppendAsync("elsewhere", Group, [new CommitmentLogEntry(ChainRecordBytesTests.Chain, ChainRecordBytesTests.CommitAt(9, Hash32.Zero))]);

        IReadOnlyList<CommitmentLogEntry> above3 = await Log.ReadChainAsync("net", Group, ChainRecordBytesTests.Chain, 3);
        Assert.Equal([4UL, 5UL], above3.Select(e => e.Record.Height));
        Assert.True(above3.Select(e => e.Record).SequenceEqual(records[2..]));
        Assert.All(above3, e => Assert.Equal(ChainRecordBytesTests.Chain, e.ChainId));

        IReadOnlyList<CommitmentLogEntry> at4 = await Log.ReadHeightAsync("net", 4);
        Assert.Equal(new[] { ChainRecordBytesTests.Chain, Other }.Order(), at4.Select(e => e.ChainId).Order());
        Assert.Empty(await Log.ReadHeightAsync("net", 9));

        // One group's members at a height: only those asked for, absent ones left out.
        IReadOnlyList<CommitmentLogEntry> members = await Log.ReadChainsAtAsync("net", 4, Group, [Other, Sha256.Hash("not logged"u8)]);
        Assert.Equal(Other, Assert.Single(members).ChainId);
        Assert.Equal(records[2], members[0].Record);
        Assert.Empty(await Log.ReadChainsAtAsync("elsewhere", 4, Group, [Other]));
        Assert.Single(await Log.ReadHeightAsync("elsewhere", 9));
    }

    [ContractFact]
    public async Task AppendingTheSameRecordAgainKeepsOneRow()
    {
        ChainRecord record = ChainRecordBytesTests.CommitAt(3, Hash32.Zero);
        CommitmentLogEntry entry = new(ChainRecordBytesTests.Chain, record);

        await Log.AppendAsync("net", Group, [entry]);
        await Log.AppendAsync("net", Group, [entry]);

        Assert.Single(await Log.ReadChainAsync("net", Group, ChainRecordBytesTests.Chain, 0));
        Assert.Single(await Log.ReadHeightAsync("net", 3));
    }

    [ContractFact]
    public async Task PruningDropsOnlyHeightsBelowTheHorizonOfThatNetwork()
    {
        foreach (ChainRecord record in Linked(1, 6))
        {
            await Log.AppendAsync("net", Group, [new CommitmentLogEntry(ChainRecordBytesTests.Chain, record)]);
            await Log.AppendAsync("kept", Group, [new CommitmentLogEntry(ChainRecordBytesTests.Chain, record)]);
        }

        await Log.PruneBelowAsync("net", 4);

        Assert.Equal([4UL, 5UL, 6UL], (await Log.ReadChainAsync("net", Group, ChainRecordBytesTests.Chain, 0)).Select(e => e.Record.Height));
        Assert.Equal(6, (await Log.ReadChainAsync("kept", Group, ChainRecordBytesTests.Chain, 0)).Count);
    }

    /// <summary>Records at heights <paramref name="from"/>..<paramref name="to"/>, each linked to the previous.</summary>
    private static ChainRecord[] Linked(ulong from, ulong to)
    {
        List<ChainRecord> records = [];
        Hash32 previous = Hash32.Zero;
        for (ulong height = from; height <= to; height++)
        {
            ChainRecord record = ChainRecordBytesTests.CommitAt(height, previous);
            records.Add(record);
            previous = record.Commitment;
        }

        return [.. records];
    }
}

public sealed class MemoryCommitmentLogTests : CommitmentLogContract
{
    protected override ICommitmentLog Log { get; } = new MemoryCommitmentLog();
}
