// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>
/// The ledger's system accounts and the rules for account names. Names starting with '$' are reserved
/// for the ledger itself: no bond is held by them and no reward is paid to them, so the conservation
/// identity (credits = balances + active bonds) can be read off the tables.
/// </summary>
public static class LedgerAccounts
{
    /// <summary>
    /// Where availability rewards are paid from. The operator funds it with a credit (a real chain's
    /// adapter pays from its own reward mechanism); a reward larger than the pool is rejected.
    /// </summary>
    public const string RewardPool = "$reward-pool";

    /// <summary>Where slashed tokens go: a burn account nothing ever moves out of.</summary>
    public const string Slashed = "$slashed";

    /// <summary>The longest account name, movement id or bond id, in characters.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Whether <paramref name="account"/> is a system account (starts with '$').</summary>
    public static bool IsReserved(string account) => account.StartsWith('$');

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> unless <paramref name="value"/> is
    /// 1 to <see cref="MaxNameLength"/> characters with no white space or control characters.
    /// </summary>
    public static void ValidateName(string? value, string paramName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("must be a non-empty name", paramName);
        }

        if (value.Length > MaxNameLength)
        {
            throw new ArgumentException($"must be at most {MaxNameLength} characters; got {value.Length}", paramName);
        }

        foreach (char c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                throw new ArgumentException($"must not contain white space or control characters (U+{(int)c:X4})", paramName);
            }
        }
    }
}
