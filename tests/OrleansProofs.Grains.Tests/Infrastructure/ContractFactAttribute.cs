// SPDX-License-Identifier: MIT

using OrleansProofs.Grains.Tests.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// A fact declared in an abstract contract class and run for each implementation. It behaves like
/// <see cref="FactAttribute"/>, except that in a class marked <see cref="RequiresPostgresAttribute"/> it is
/// reported skipped (with the reason) when no PostgreSQL server is configured: an attribute on the base
/// method cannot know which implementation runs it, the discoverer can.
/// </summary>
[XunitTestCaseDiscoverer("OrleansProofs.Grains.Tests.Infrastructure.ContractFactDiscoverer", "OrleansProofs.Grains.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests: as facts, or skipped ones when the implementation's server is missing.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    /// <inheritdoc/>
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        bool needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresTestEnvironment.ConnectionString is null)
        {
            return new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, PostgresTestEnvironment.SkipReason);
        }

        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
