// SPDX-License-Identifier: MIT

using System.Diagnostics;
using RepositoryRoot = OrleansProofs.Core.Tests.Docs.RepositoryRoot;

namespace OrleansProofs.IntegrationTests.Cluster;

/// <summary>
/// A PostgreSQL server of one test's own, run by infra/scripts/test-postgres.sh in a temporary folder, for
/// tests that stop the database: the shared server of <see cref="ClusterDatabase.Variable"/> serves other
/// test projects at the same time and must never go down. <see cref="PauseAsync"/> and
/// <see cref="ResumeAsync"/> stop and start the same data on the same port; dispose stops it and deletes the folder.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly string s_script = Path.Combine(RepositoryRoot.Path, "infra", "scripts", "test-postgres.sh");

    private readonly string _directory;

    private PrivatePostgres(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The Npgsql connection string the script printed.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server is stopped by <see cref="PauseAsync"/>.</summary>
    public bool IsPaused { get; private set; }

    /// <summary>Initialises and starts a new server in a new temporary folder.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), "posc-pg-" + Guid.NewGuid().ToString("N"));
        try
        {
            string connection = (await RunAsync("start", directory)).Trim();
            return new PrivatePostgres(directory, connection);
        }
        catch
        {
            await RunAsync("stop", directory);
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: every open connection is cut), keeping its data.</summary>
    public async Task PauseAsync()
    {
        await RunAsync("pause", _directory);
        IsPaused = true;
    }

    /// <summary>Starts the paused server again on the same port with the same data.</summary>
    public async Task ResumeAsync()
    {
        await RunAsync("resume", _directory);
        IsPaused = false;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await RunAsync("stop", _directory);

    private static async Task<string> RunAsync(string action, string directory)
    {
        ProcessStartInfo info = new("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(s_script);
        info.ArgumentList.Add(action);
        info.ArgumentList.Add(directory);
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"test-postgres.sh {action} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
