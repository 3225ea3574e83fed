// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Storage;

/// <summary>The <see cref="IVdfCheckpointStore"/> contract, run against each implementation: checkpoints read back byte for byte, in order, and only the retained window is kept.</summary>
public abstract class VdfCheckpointStoreContract
{
    private static readonly Lazy<NodeKey> Key = new(NodeKey.Generate);

    /// <summary>The store under test, empty.</summary>
    protected abstract IVdfCheckpointStore Store { get; }

    [ContractFact]
    public async Task KeepsTheNewestWindowPerOwner_AndReadsItBackInOrder()
    {
        VdfCheckpointData[] chain = Chain(10);
        foreach (VdfCheckpointData checkpoint in chain)
        {
            await Store.AppendAsync("owner", checkpoint, retain: 4);
        }

        await Store.AppendAsync("other", chain[0], retain: 4);

        IReadOnlyList<VdfCheckpointData> kept = await Store.ReadAsync("owner", 0, 100);
        Assert.Equal([6UL, 7, 8, 9], kept.Select(c => c.Sequence));
        Assert.Equal(chain[6].Encoded.ToArray(), kept[0].Encoded.ToArray());
        Assert.Equal(9UL, (await Store.ReadLatestAsync("owner"))!.Sequence);
        Assert.Equal([7UL, 8], (await Store.ReadAsync("owner", 7, 2)).Select(c => c.Sequence));
        Assert.Equal([0UL], (await Store.ReadAsync("other", 0, 100)).Select(c => c.Sequence));
        Assert.Null(await Store.ReadLatestAsync("nobody"));
        Assert.Empty(await Store.ReadAsync("nobody", 0, 10));

        // What was kept is still a chain the verifier accepts.
        VdfVerificationResult links = ContinuousVdfVerifier.VerifyChain([.. kept.Select(c => VdfCheckpoint.Decode(c.Encoded.AsSpan()))], Key.Value.PublicKey);
        Assert.True(links.IsValid, links.ToString());
    }

    [ContractFact]
    public async Task ASequenceWrittenAgainIsReplaced()
    {
        VdfCheckpointData[] chain = Chain(2);
        await Store.AppendAsync("owner", chain[1], retain: 8);
        VdfCheckpointData replacement = chain[1] with { Encoded = [.. chain[1].Encoded, 0] };
        await Store.AppendAsync("owner", replacement, retain: 8);

        VdfCheckpointData latest = (await Store.ReadLatestAsync("owner"))!;
        Assert.Equal(replacement.Encoded.ToArray(), latest.Encoded.ToArray());
    }

    /// <summary>A real signed chain of <paramref name="count"/> checkpoints (on the smallest buffer).</summary>
    private static VdfCheckpointData[] Chain(int count)
    {
        List<VdfCheckpoint> made = [];
        VdfBuffer buffer = VdfBuffer.Create(Hash32.Zero, VdfBuffer.MinBytes);
        ContinuousVdf vdf = ContinuousVdf.Start(buffer, Key.Value, 10, made.Add);
        vdf.Advance((ulong)(10 * (count - 1)));
        return [.. made.Select(c => new VdfCheckpointData(c.Sequence, ImmutableArray.Create(c.Encode())))];
    }
}

/// <summary>The checkpoint store contract in memory.</summary>
public sealed class MemoryVdfCheckpointStoreTests : VdfCheckpointStoreContract
{
    protected override IVdfCheckpointStore Store { get; } = new MemoryVdfCheckpointStore();
}

/// <summary>The checkpoint store contract on a fresh SQLite database with the shipped schema scripts.</summary>
public sealed class SqliteVdfCheckpointStoreTests : VdfCheckpointStoreContract, IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly IVdfCheckpointStore _store;

    public SqliteVdfCheckpointStoreTests() => _store = new Silo.Storage.SqliteVdfCheckpointStore(_database.Database);

    protected override IVdfCheckpointStore Store => _store;

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();
}
