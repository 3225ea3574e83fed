// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// Grain-state writes on SQLite take the database's write turn (awaited, one writer at a time) instead of
/// meeting SQLITE_BUSY and sleeping on the silo's threads.
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
}
