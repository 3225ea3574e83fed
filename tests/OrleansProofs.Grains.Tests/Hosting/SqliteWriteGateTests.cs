// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// Grain-state writes and token-ledger movements on SQLite take the database's write turn (awaited, one
/// writer at a time) instead of meeting SQLITE_BUSY and sleeping on the silo's threads.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task GrainStateWritesWaitForTheWriteTurnAndProceedWhenItIsReleased()
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
        });
        await node.StartAsync();
        IGrainStorage storage = node.Services.GetRequiredKeyedService<IGrainStorage>(NodeStorage.ProviderName);
        SqliteDatabase database = node.Services.GetRequiredService<SqliteDatabase>();
        GrainState<string> state = new("payload");

        Task write;
        using (await database.EnterWriteAsync())
        {
            write = storage.WriteStateAsync("gate-test", GrainId.Create("gate", "1"), state);
            await Task.Delay(300);
            Assert.False(write.IsCompleted, "a grain-state write went ahead while another writer held the turn");
        }

        await write.WaitAsync(TimeSpan.FromSeconds(10));
        GrainState<string> read = new();
        await storage.ReadStateAsync("gate-test", GrainId.Create("gate", "1"), read);
        Assert.Equal("payload", read.State);
    }

    [Fact]
    public async Task LedgerMovementsWaitForTheWriteTurnAndProceedWhenItIsReleased()
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
        });
        await node.StartAsync();
        ITokenLedger ledger = node.Services.GetRequiredService<ITokenLedger>();
        Assert.IsType<SqliteTokenLedger>(ledger);
        SqliteDatabase database = node.Services.GetRequiredService<SqliteDatabase>();

        Task<LedgerResult> credit;
        using (await database.EnterWriteAsync())
        {
            credit = ledger.CreditAsync("gate-credit-1", "gate-account", 5, CancellationToken.None);
            await Task.Delay(300);
            Assert.False(credit.IsCompleted, "a ledger movement went ahead while another writer held the turn");
        }

        LedgerResult result = await credit.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(5UL, await ledger.GetBalanceAsync("gate-account", CancellationToken.None));
    }
}
