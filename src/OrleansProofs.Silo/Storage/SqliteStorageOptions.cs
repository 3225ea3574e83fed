// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;

namespace OrleansProofs.Silo.Storage;

/// <summary>Where the embedded node keeps its Orleans grain state (an SQLite database file).</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The file name of the database inside the data folder when <see cref="DatabasePath"/> is not set.</summary>
    public const string DefaultFileName = "orleans.db";

    /// <summary>Gets or sets the SQLite database file (created on first start). Default: "orleans.db" inside the node's data folder.</summary>
    public string? DatabasePath { get; set; }
}

/// <summary>Checks <see cref="SqliteStorageOptions"/> when the silo starts; each message names the option and the rule.</summary>
internal sealed class SqliteStorageOptionsValidator(IOptions<SqliteStorageOptions> options) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        string? path = options.Value.DatabasePath;
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OrleansConfigurationException("SqliteStorageOptions.DatabasePath must be a file path when it is set; got an empty value.");
        }

        if (Directory.Exists(path))
        {
            throw new OrleansConfigurationException($"SqliteStorageOptions.DatabasePath must name a file; '{Path.GetFullPath(path)}' is a folder.");
        }
    }
}
