// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>The <see cref="ITokenLedger"/> contract (docs/ledger.md), run against memory, SQLite and PostgreSQL.</summary>
public abstract class TokenLedgerContract
{
    /// <summary>The protocol's amounts: registration bond 100, checkpoint bond 1,000, reward 1, slash 1,000.</summary>
    protected static readonly ConsensusParameters Amounts = ConsensusParameters.Standard;

    /// <summary>The ledger under test, empty.</summary>
    protected abstract ITokenLedger Ledger { get; }

    [ContractFact]
    public async Task EveryMovementKindAppliesOnceAndReplaysAsAlreadyApplied()
    {
        (string Id, Func<Task<LedgerResult>> Send)[] movements =
        [
            ("fund", () => Ledger.CreditAsync("fund", "alice", 5_000)),
            ("pool", () => Ledger.CreditAsync("pool", LedgerAccounts.RewardPool, 10)),
            ("reg", () => Ledger.CreateBondAsync("reg", "alice", BondPurpose.ChainRegistration, Amounts.RegistrationBond)),
            ("cp", () => Ledger.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, Amounts.CheckpointBond)),
            ("release-reg", () => Ledger.ReleaseBondAsync("release-reg", "reg")),
            ("slash-cp", () => Ledger.SlashBondAsync("slash-cp", "cp", Amounts.SlashingPenalty, LedgerReason.InvalidCheckpoint)),
            ("reward", () => Ledger.PayRewardAsync("reward", "alice", Amounts.AvailabilityReward, LedgerReason.AvailabilityChallenge)),
        ];

        List<LedgerEntry> applied = [];
        foreach ((string id, Func<Task<LedgerResult>> send) in movements)
        {
            LedgerResult result = await send();
            Assert.Equal(LedgerOutcome.Applied, result.Outcome);
            Assert.Equal(id, result.Entry!.MovementId);
            applied.Add(result.Entry);
        }

        Snapshot before = await SnapshotAsync("alice");
        Assert.Equal(5_000UL - 1_000 + 1, before.Balances["alice"]);
        Assert.Equal(Amounts.SlashingPenalty, before.Balances[LedgerAccounts.Slashed]);
        Assert.Equal(9UL, before.Balances[LedgerAccounts.RewardPool]);

        foreach (((string _, Func<Task<LedgerResult>> send), LedgerEntry original) in movements.Zip(applied))
        {
            LedgerResult replay = await send();
            Assert.Equal(LedgerOutcome.AlreadyApplied, replay.Outcome);
            Assert.Equal(original, replay.Entry);
        }

        Assert.Equal(before, await SnapshotAsync("alice"));
    }

    [ContractFact]
    public async Task AnIdUsedAgainWithOtherContentIsRejectedAndChangesNothing()
    {
        await Ledger.CreditAsync("fund", "alice", 3_000);
        await Ledger.CreditAsync("pool", LedgerAccounts.RewardPool, 5);
        await Ledger.CreateBondAsync("bond-1", "alice", BondPurpose.Checkpoint, 1_000);
        await Ledger.CreateBondAsync("bond-2", "alice", BondPurpose.Checkpoint, 1_000);
        await Ledger.ReleaseBondAsync("release", "bond-1");
        await Ledger.SlashBondAsync("slash", "bond-2", 500, LedgerReason.FailedAuditThreshold);
        await Ledger.PayRewardAsync("reward", "alice", 1, LedgerReason.AvailabilityChallenge);
        Snapshot before = await SnapshotAsync("alice", "bob");

        LedgerResult[] reused =
        [
            await Ledger.CreditAsync("fund", "alice", 3_001),
            await Ledger.CreditAsync("fund", "bob", 3_000),
            await Ledger.CreateBondAsync("bond-1", "alice", BondPurpose.ChainRegistration, 1_000),
            await Ledger.CreateBondAsync("bond-1", "alice", BondPurpose.Checkpoint, 999),
            await Ledger.ReleaseBondAsync("release", "bond-2"),
            await Ledger.SlashBondAsync("slash", "bond-2", 499, LedgerReason.FailedAuditThreshold),
            await Ledger.SlashBondAsync("slash", "bond-2", 500, LedgerReason.InvalidCheckpoint),
            await Ledger.PayRewardAsync("reward", "bob", 1, LedgerReason.AvailabilityChallenge),
            await Ledger.ReleaseBondAsync("fund", "bond-1"),
        ];

        Assert.All(reused, result =>
        {
            Assert.Equal(LedgerOutcome.Rejected, result.Outcome);
            Assert.Equal(LedgerRejection.MovementIdReused, result.Rejection);
            Assert.Null(result.Entry);
            Assert.False(string.IsNullOrEmpty(result.Detail));
        });
        Assert.Equal(before, await SnapshotAsync("alice", "bob"));
    }

    [ContractFact]
    public async Task AnUncoveredBondOrRewardIsRejectedChangesNothingAndItsIdStaysFree()
    {
        await Ledger.CreditAsync("fund", "alice", Amounts.CheckpointBond - 1);
        Snapshot before = await SnapshotAsync("alice");

        LedgerResult bond = await Ledger.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, Amounts.CheckpointBond);
        LedgerResult reward = await Ledger.PayRewardAsync("reward", "alice", Amounts.AvailabilityReward, LedgerReason.AvailabilityChallenge);

        Assert.Equal(LedgerRejection.InsufficientBalance, bond.Rejection);
        Assert.Contains("alice", bond.Detail, StringComparison.Ordinal);
        Assert.Equal(LedgerRejection.InsufficientBalance, reward.Rejection);
        Assert.Contains(LedgerAccounts.RewardPool, reward.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync("alice"));
        Assert.Null(await Ledger.GetBondAsync("cp"));

        // A rejected movement is not journaled, so the same id succeeds once the balance covers it.
        await Ledger.CreditAsync("top-up", "alice", 1);
        Assert.Equal(LedgerOutcome.Applied, (await Ledger.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, Amounts.CheckpointBond)).Outcome);
        Assert.Equal(0UL, await Ledger.GetBalanceAsync("alice"));
    }

    [ContractFact]
    public async Task ASlashBurnsItsAmountReturnsTheRestAndSettlesTheBond()
    {
        await Ledger.CreditAsync("fund", "prover", 2_000);
        await Ledger.CreateBondAsync("cp", "prover", BondPurpose.Checkpoint, 1_500);

        LedgerResult tooMuch = await Ledger.SlashBondAsync("slash-all", "cp", 1_501, LedgerReason.InvalidCheckpoint);
        Assert.Equal(LedgerRejection.SlashExceedsBond, tooMuch.Rejection);
        Assert.Equal(BondState.Active, (await Ledger.GetBondAsync("cp"))!.State);

        LedgerResult slash = await Ledger.SlashBondAsync("slash", "cp", Amounts.SlashingPenalty, LedgerReason.InvalidCheckpoint);
        Assert.Equal(LedgerOutcome.Applied, slash.Outcome);
        Assert.Equal(new LedgerBond("cp", "prover", BondPurpose.Checkpoint, 1_500, BondState.Slashed, Amounts.SlashingPenalty), await Ledger.GetBondAsync("cp"));
        Assert.Equal(500UL + 500, await Ledger.GetBalanceAsync("prover"));
        Assert.Equal(Amounts.SlashingPenalty, await Ledger.GetBalanceAsync(LedgerAccounts.Slashed));

        Snapshot settled = await SnapshotAsync("prover");
        Assert.Equal(LedgerRejection.BondAlreadySlashed, (await Ledger.ReleaseBondAsync("release", "cp")).Rejection);
        Assert.Equal(LedgerRejection.BondAlreadySlashed, (await Ledger.SlashBondAsync("slash-again", "cp", 1, LedgerReason.FailedAuditThreshold)).Rejection);
        Assert.Equal(LedgerRejection.UnknownBond, (await Ledger.ReleaseBondAsync("release-nothing", "no-such-bond")).Rejection);
        Assert.Equal(settled, await SnapshotAsync("prover"));
    }

    [ContractFact]
    public async Task AReleasedBondCannotBeSlashedOrReleasedAgain()
    {
        await Ledger.CreditAsync("fund", "prover", Amounts.RegistrationBond);
        await Ledger.CreateBondAsync("reg", "prover", BondPurpose.ChainRegistration, Amounts.RegistrationBond);
        Assert.Equal(0UL, await Ledger.GetBalanceAsync("prover"));

        Assert.Equal(LedgerOutcome.Applied, (await Ledger.ReleaseBondAsync("release", "reg")).Outcome);
        Assert.Equal(Amounts.RegistrationBond, await Ledger.GetBalanceAsync("prover"));

        Assert.Equal(LedgerRejection.BondAlreadyReleased, (await Ledger.ReleaseBondAsync("release-2", "reg")).Rejection);
        Assert.Equal(LedgerRejection.BondAlreadyReleased, (await Ledger.SlashBondAsync("slash", "reg", 1, LedgerReason.FailedAuditThreshold)).Rejection);
        Assert.Equal(Amounts.RegistrationBond, await Ledger.GetBalanceAsync("prover"));
        Assert.Equal(0UL, await Ledger.GetBalanceAsync(LedgerAccounts.Slashed));
    }

    [ContractFact]
    public async Task FiftyParallelBondsAgainstABalanceForTenNeverGoNegativeAndConserveTokens()
    {
        await Ledger.CreditAsync("fund", "prover", 10 * Amounts.RegistrationBond);
        await Ledger.CreditAsync("pool", LedgerAccounts.RewardPool, 20);

        Task<LedgerResult>[] bonds = [.. Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => Ledger.CreateBondAsync($"reg-{i}", "prover", BondPurpose.ChainRegistration, Amounts.RegistrationBond)))];
        Task<LedgerResult>[] rewards = [.. Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => Ledger.PayRewardAsync($"reward-{i}", $"verifier-{i % 3}", 1, LedgerReason.AvailabilityChallenge)))];
        Task<LedgerResult>[] replays = [.. Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Ledger.CreditAsync("late-fund", "other", 7)))];
        LedgerResult[] bondResults = await Task.WhenAll(bonds);
        LedgerResult[] rewardResults = await Task.WhenAll(rewards);
        LedgerResult[] replayResults = await Task.WhenAll(replays);

        Assert.Equal(10, bondResults.Count(r => r.Outcome == LedgerOutcome.Applied));
        Assert.All(bondResults.Where(r => r.Outcome != LedgerOutcome.Applied), r => Assert.Equal(LedgerRejection.InsufficientBalance, r.Rejection));
        Assert.Equal(20, rewardResults.Count(r => r.Outcome == LedgerOutcome.Applied));
        Assert.Single(replayResults, r => r.Outcome == LedgerOutcome.Applied);
        Assert.Equal(19, replayResults.Count(r => r.Outcome == LedgerOutcome.AlreadyApplied));

        Assert.Equal(0UL, await Ledger.GetBalanceAsync("prover"));
        Assert.Equal(0UL, await Ledger.GetBalanceAsync(LedgerAccounts.RewardPool));
        IReadOnlyList<LedgerBond> held = await Ledger.GetBondsAsync("prover");
        Assert.Equal(10, held.Count);
        Assert.All(held, b => Assert.Equal(BondState.Active, b.State));

        // Settle them concurrently too: half released, half slashed by 60 of their 100.
        await Task.WhenAll(held.Select((b, i) => Task.Run(() => i % 2 == 0
            ? Ledger.ReleaseBondAsync($"release-{b.BondId}", b.BondId)
            : Ledger.SlashBondAsync($"slash-{b.BondId}", b.BondId, 60, LedgerReason.FailedAuditThreshold))));
        Assert.Equal(5 * 100UL + 5 * 40UL, await Ledger.GetBalanceAsync("prover"));
        Assert.Equal(5 * 60UL, await Ledger.GetBalanceAsync(LedgerAccounts.Slashed));
        await AssertConservedAsync();
    }

    [ContractFact]
    public async Task TheJournalIsOrderedPagedAndKeepsEveryAppliedMovement()
    {
        await Ledger.CreditAsync("fund", "alice", 2_000);
        await Ledger.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, Amounts.CheckpointBond);
        await Ledger.CreateBondAsync("too-much", "alice", BondPurpose.Checkpoint, 5_000);
        await Ledger.ReleaseBondAsync("release", "cp");
        await Ledger.CreditAsync("fund", "alice", 2_000);

        IReadOnlyList<LedgerEntry> all = await Ledger.ReadJournalAsync(0, 100);
        Assert.Equal(["fund", "cp", "release"], all.Select(e => e.MovementId));
        Assert.Equal(
            [LedgerMovementKind.Credit, LedgerMovementKind.CreateBond, LedgerMovementKind.ReleaseBond],
            all.Select(e => e.Kind));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.RecordedAt <= pair.Second.RecordedAt));
        LedgerEntry release = all[2];
        Assert.Equal(("alice", Amounts.CheckpointBond, "cp"), (release.Account, release.Amount, release.BondId));
        Assert.Equal(BondPurpose.Checkpoint, all[1].Purpose);

        Assert.Equal(all.Take(2), await Ledger.ReadJournalAsync(0, 2));
        Assert.Equal(all.Skip(1), await Ledger.ReadJournalAsync(all[0].Sequence, 100));
        Assert.Empty(await Ledger.ReadJournalAsync(all[^1].Sequence, 100));
    }

    [ContractFact]
    public async Task MalformedMovementsThrowNamingTheFieldAndChangeNothing()
    {
        await Ledger.CreditAsync("fund", "alice", 100);
        Snapshot before = await SnapshotAsync("alice");

        Assert.Equal("movementId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreditAsync("", "alice", 1))).ParamName);
        Assert.Equal("movementId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreditAsync("a b", "alice", 1))).ParamName);
        Assert.Equal("movementId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreditAsync(new string('m', 129), "alice", 1))).ParamName);
        Assert.Equal("amount", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreditAsync("m", "alice", 0))).ParamName);
        Assert.Equal("amount", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreditAsync("m", "alice", (ulong)long.MaxValue + 1))).ParamName);
        Assert.Equal("account", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreditAsync("m", LedgerAccounts.Slashed, 1))).ParamName);
        Assert.Equal("account", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreateBondAsync("m", LedgerAccounts.RewardPool, BondPurpose.Checkpoint, 1))).ParamName);
        Assert.Equal("purpose", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.CreateBondAsync("m", "alice", (BondPurpose)9, 1))).ParamName);
        Assert.Equal("bondId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ReleaseBondAsync("m", "\n"))).ParamName);
        Assert.Equal("reason", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.SlashBondAsync("m", "b", 1, LedgerReason.AvailabilityChallenge))).ParamName);
        Assert.Equal("reason", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.PayRewardAsync("m", "alice", 1, LedgerReason.InvalidCheckpoint))).ParamName);
        Assert.Equal("account", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.PayRewardAsync("m", "$x", 1, LedgerReason.AvailabilityChallenge))).ParamName);
        Assert.Equal("limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ReadJournalAsync(0, 0))).ParamName);

        Assert.Equal(before, await SnapshotAsync("alice"));
    }

    [ContractFact]
    public async Task ACreditThatWouldOverflowABalanceIsRejected()
    {
        await Ledger.CreditAsync("fund", "whale", long.MaxValue);

        LedgerResult more = await Ledger.CreditAsync("more", "whale", 1);

        Assert.Equal(LedgerRejection.BalanceOverflow, more.Rejection);
        Assert.Equal((ulong)long.MaxValue, await Ledger.GetBalanceAsync("whale"));
    }

    /// <summary>Σ credits = Σ balances (system accounts included) + Σ active bonds, read from the journal and the ledger.</summary>
    protected async Task AssertConservedAsync()
    {
        IReadOnlyList<LedgerEntry> journal = await ReadAllAsync();
        ulong credited = journal.Where(e => e.Kind == LedgerMovementKind.Credit).Aggregate(0UL, (sum, e) => sum + e.Amount);
        string[] accounts = [.. journal.Select(e => e.Account).Append(LedgerAccounts.RewardPool).Append(LedgerAccounts.Slashed).Distinct()];
        ulong balances = 0;
        ulong bonded = 0;
        foreach (string account in accounts)
        {
            balances += await Ledger.GetBalanceAsync(account);
            bonded += (await Ledger.GetBondsAsync(account)).Where(b => b.State == BondState.Active).Aggregate(0UL, (sum, b) => sum + b.Amount);
        }

        Assert.Equal(credited, balances + bonded);
    }

    private async Task<IReadOnlyList<LedgerEntry>> ReadAllAsync()
    {
        List<LedgerEntry> all = [];
        long after = 0;
        while (true)
        {
            IReadOnlyList<LedgerEntry> page = await Ledger.ReadJournalAsync(after, 7);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            after = page[^1].Sequence;
        }
    }

    private async Task<Snapshot> SnapshotAsync(params string[] accounts)
    {
        SortedDictionary<string, ulong> balances = new(StringComparer.Ordinal);
        List<LedgerBond> bonds = [];
        foreach (string account in accounts.Append(LedgerAccounts.RewardPool).Append(LedgerAccounts.Slashed))
        {
            balances[account] = await Ledger.GetBalanceAsync(account);
            bonds.AddRange(await Ledger.GetBondsAsync(account));
        }

        IReadOnlyList<LedgerEntry> journal = await ReadAllAsync();
        return new Snapshot(balances, string.Join(";", bonds), string.Join(";", journal));
    }

    /// <summary>Everything observable, comparable with Equals.</summary>
    private sealed record Snapshot(SortedDictionary<string, ulong> Balances, string Bonds, string Journal)
    {
        public bool Equals(Snapshot? other) =>
            other is not null && Balances.SequenceEqual(other.Balances) && Bonds == other.Bonds && Journal == other.Journal;

        public override int GetHashCode() => HashCode.Combine(Bonds, Journal);
    }
}
