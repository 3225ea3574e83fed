// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansProofs.Silo.Hosting;

// The embedded node and its HTTP API: `dotnet run --project src/OrleansProofs.Silo [-- --demo-files 3] [--urls http://127.0.0.1:8080] [--gateway false]`.
try
{
    using IHost host = NodeHost.Build(args);
    await host.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is OrleansConfigurationException or OptionsValidationException or InvalidOperationException or FormatException or IOException)
{
    Console.Error.WriteLine($"posc-silo: {exception.Message}");
    return 2;
}
