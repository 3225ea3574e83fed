// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Grains.Ledger;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>The token ledger contract in memory (the test clusters' ledger).</summary>
public sealed class MemoryTokenLedgerTests : TokenLedgerContract
{
    protected override ITokenLedger Ledger { get; } = new MemoryTokenLedger();
}
