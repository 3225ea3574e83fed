// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansProofs.Silo.Hosting;

// The embedded node: `dotnet run --project src/OrleansProofs.Silo [-- --demo-files 3]`.
try
{
    using IHost host = NodeHost.CreateBuilder(args).Build();
    await host.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is OrleansConfigurationException or OptionsValidationException or InvalidOperationException or FormatException)
{
    Console.Error.WriteLine($"posc-silo: {exception.Message}");
    return 2;
}
