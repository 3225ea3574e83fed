// SPDX-License-Identifier: MIT

namespace OrleansProofs.Silo.Hosting;

/// <summary>What this process runs, set by <c>OrleansProofs:Host:Role</c> (<c>--role</c>).</summary>
public enum ProcessRole
{
    /// <summary>A silo (embedded or cluster storage), with the HTTP API co-hosted unless <c>--gateway false</c>.</summary>
    Silo,

    /// <summary>
    /// The HTTP API alone, as an Orleans client of a cluster on PostgreSQL (<see cref="GatewayProcess"/>):
    /// it hosts no grains and finds the silos through the membership table.
    /// </summary>
    Gateway,
}

/// <summary>Reads <see cref="ProcessRole"/> from its setting.</summary>
public static class ProcessRoles
{
    /// <summary>The setting's key.</summary>
    public const string Setting = NodeHost.HostSection + ":Role";

    /// <summary>Parses the setting's value: "silo" (also when unset or empty) or "gateway", any case.</summary>
    /// <exception cref="OrleansConfigurationException">Any other value; the message names the setting and the choices.</exception>
    public static ProcessRole Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), "silo", StringComparison.OrdinalIgnoreCase))
        {
            return ProcessRole.Silo;
        }

        if (string.Equals(value.Trim(), "gateway", StringComparison.OrdinalIgnoreCase))
        {
            return ProcessRole.Gateway;
        }

        throw new OrleansConfigurationException($"{Setting} must be 'silo' (a silo, HTTP API co-hosted) or 'gateway' (the HTTP API as a separate Orleans client of a PostgreSQL cluster); got '{value}'.");
    }
}
