// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// Assertions on errors that crossed a grain call. Orleans carries an exception's type and message
/// but not <see cref="ArgumentException.ParamName"/>, so the parameter is checked in the message
/// (where ArgumentException appends "(Parameter 'name')").
/// </summary>
public static class GrainAssert
{
    /// <summary>Asserts <paramref name="call"/> fails with an ArgumentException naming <paramref name="paramName"/>.</summary>
    public static async Task<ArgumentException> RejectsAsync(string paramName, Func<Task> call)
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(call);
        Assert.Contains($"(Parameter '{paramName}')", error.Message);
        return error;
    }
}
