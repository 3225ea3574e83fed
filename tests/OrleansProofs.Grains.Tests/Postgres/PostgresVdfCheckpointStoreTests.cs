// SPDX-License-Identifier: MIT

using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Storage;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>The VDF checkpoint store contract on PostgreSQL with the shipped scripts.</summary>
[RequiresPostgres]
public sealed class PostgresVdfCheckpointStoreTests : VdfCheckpointStoreContract, IAsyncLifetime
{
    private PostgresTestStore? _store;
    private PostgresVdfCheckpointStore? _checkpoints;

    protected override IVdfCheckpointStore Store => _checkpoints ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _store = await PostgresTestStore.CreateAsync();
        _checkpoints = new PostgresVdfCheckpointStore(_store.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
