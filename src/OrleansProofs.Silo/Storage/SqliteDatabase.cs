// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The node's resolved SQLite database: its absolute path and connection string, computed on first
/// use (after the silo validated the options: lifecycle participants are created before that).
/// </summary>
internal sealed class SqliteDatabase(IOptions<NodeOptions> node, IOptions<SqliteStorageOptions> storage)
{
    private readonly Lazy<string> _path = new(() => System.IO.Path.GetFullPath(
        storage.Value.DatabasePath ?? System.IO.Path.Combine(node.Value.DataDirectory, SqliteStorageOptions.DefaultFileName)));

    /// <summary>The absolute database file path.</summary>
    public string Path => _path.Value;

    /// <summary>The connection string Orleans' AdoNet providers use.</summary>
    public string ConnectionString => SqliteSchema.ConnectionString(Path);

    /// <summary>
    /// One writer at a time, awaited. SQLite admits a single writer; when several connections write at
    /// once, Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping on the calling thread and retrying, which
    /// at thousands of concurrent grain writes (registration, checkpoints, group log batches) blocked the
    /// silo's threads until calls timed out. Waiting here instead costs no thread.
    /// </summary>
    private SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>Waits for the write gate; dispose the result to release it.</summary>
    public async Task<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        await WriteGate.WaitAsync(cancellationToken);
        return new WriteTurn(WriteGate);
    }

    /// <summary>A held write turn; disposing it lets the next writer in.</summary>
    public readonly struct WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => gate.Release();
    }
}
