// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>Where the PostgreSQL tests find their server: the environment variable CI (and infra/scripts/test-postgres.sh) sets.</summary>
public static class PostgresTestEnvironment
{
    /// <summary>The variable holding an Npgsql connection string to a database the tests may create schemas in.</summary>
    public const string Variable = "ORLEANSPROOFS_TEST_POSTGRES";

    /// <summary>Why the PostgreSQL tests are skipped when the variable is unset.</summary>
    public const string SkipReason =
        "PostgreSQL tests need " + Variable + " (an Npgsql connection string); .ci/run sets it, and a developer can run " +
        "'infra/scripts/test-postgres.sh start /tmp/posc-pg' and export what it prints.";

    /// <summary>The connection string, or null when the tests must be skipped.</summary>
    public static string? ConnectionString
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }
}

/// <summary>A fact that runs only against a real PostgreSQL (<see cref="PostgresTestEnvironment"/>); otherwise it is skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when no server is configured.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.ConnectionString is null)
        {
            Skip = PostgresTestEnvironment.SkipReason;
        }
    }
}

/// <summary>
/// Marks a test class whose inherited contract facts (<see cref="Infrastructure.ContractFactAttribute"/>) need PostgreSQL:
/// they are reported skipped, with the reason, when no server is configured.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
