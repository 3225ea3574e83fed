// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansProofs.Silo.Hosting;

// The embedded node and its HTTP API: `dotnet run --project src/OrleansProofs.Silo [-- --demo-files 3] [--urls http://127.0.0.1:8080] [--gateway false]`.
// Cluster mode: `--storage-mode cluster --postgres "Host=…"` (see docs/operations.md); `--migrate-only` applies the PostgreSQL schema and exits.
// A separate HTTP gateway of such a cluster: `--role gateway --postgres "Host=…" --cluster-id … --urls …` (an Orleans client; see docs/operations.md).
try
{
    if (MigrateOnly.IsRequested(args))
    {
        return await MigrateOnly.RunAsync(args, Console.Out, CancellationToken.None);
    }

    using IHost host = NodeHost.Build(args);
    await host.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is OrleansConfigurationException or OptionsValidationException or InvalidOperationException or FormatException or IOException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"posc-silo: {exception.Message}");
    return 2;
}
