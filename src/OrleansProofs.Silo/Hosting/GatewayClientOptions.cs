// SPDX-License-Identifier: MIT

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// How the separate gateway process (<see cref="ProcessRole.Gateway"/>) talks to the cluster, section
/// <c>OrleansProofs:Client</c>. The defaults favour a quick, retryable 503 over a long wait: an HTTP
/// client can retry, a request stuck for Orleans' default 30 s cannot.
/// </summary>
public sealed class GatewayClientOptions
{
    /// <summary>
    /// Gets or sets how long a grain call may take before the request fails with a retryable 503.
    /// Default: 10 s (block pushes and registrations of large files finish well within it on a healthy cluster).
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how often the membership table is read for the silos' gateway endpoints. A restarted
    /// silo is a new endpoint generation, found at the next refresh. Default: 5 s.
    /// </summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the pause between attempts to reach the cluster at start (the process waits until a silo answers). Default: 2 s.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the options; each message names the setting and the rule.</summary>
    /// <exception cref="OrleansConfigurationException">A setting is out of range.</exception>
    public void Validate()
    {
        const string Section = NodeHost.ClientSection;
        CheckPositive(ResponseTimeout, Section + ":ResponseTimeout");
        CheckPositive(GatewayListRefreshPeriod, Section + ":GatewayListRefreshPeriod");
        CheckPositive(ConnectRetryDelay, Section + ":ConnectRetryDelay");
    }

    private static void CheckPositive(TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{setting} must be greater than zero; got {value}.");
        }
    }
}
