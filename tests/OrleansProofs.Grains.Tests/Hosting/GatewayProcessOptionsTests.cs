// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The separate gateway process (<c>--role gateway</c>) checks its settings before it starts anything:
/// each error names the setting, and none repeats the connection string's password.
/// </summary>
public sealed class GatewayProcessOptionsTests
{
    private const string Postgres = "Host=db.internal;Database=posc;Username=posc;Password=never-shown-pw";

    public static TheoryData<string[], string> BadSettings => new()
    {
        { ["--role", "gateway"], "OrleansProofs:Cluster:ConnectionString is required when OrleansProofs:Host:Role is 'gateway'" },
        { ["--role", "gateway", "--postgres", "Password=never-shown-pw;Database=posc"], "OrleansProofs:Cluster:ConnectionString must name the server" },
        { ["--role", "gateway", "--postgres", Postgres, "--storage-mode", "embedded"], "OrleansProofs:Storage:Mode must be 'cluster' (or unset) when OrleansProofs:Host:Role is 'gateway'" },
        { ["--role", "gateway", "--postgres", Postgres, "--network", "no spaces"], "OrleansProofs:Chain:Network must be" },
        { ["--role", "gateway", "--postgres", Postgres, "--OrleansProofs:Client:ResponseTimeout=00:00:00"], "OrleansProofs:Client:ResponseTimeout must be greater than zero" },
        { ["--role", "router"], "OrleansProofs:Host:Role must be 'silo'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void BadSettingsStopTheStartNamingTheSetting(string[] args, string expected)
    {
        OrleansConfigurationException error = Assert.Throws<OrleansConfigurationException>(() => NodeHost.Build(args).Dispose());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidSettingsBuildTheGatewayProcess()
    {
        string data = Path.Combine(Path.GetTempPath(), "posc-gw-" + Guid.NewGuid().ToString("N"));
        using IHost host = NodeHost.Build(["--role", "gateway", "--postgres", Postgres, "--cluster-id", "c1", "--data", data, "--network", "net-1"]);

        GatewayProcessSettings settings = host.Services.GetRequiredService<GatewayProcessSettings>();
        Assert.Equal(("c1", "orleans-proofs", "net-1", Path.GetFullPath(data)), (settings.ClusterId, settings.ServiceId, settings.Network, settings.DataDirectory));
        Assert.Equal("db.internal:5432/posc as posc", settings.Server);
        Assert.NotNull(host.Services.GetService<IClusterClient>());
        Assert.Null(host.Services.GetService<Orleans.Runtime.ILocalSiloDetails>());
    }
}
