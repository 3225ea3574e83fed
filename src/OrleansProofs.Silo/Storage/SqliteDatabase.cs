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
}
