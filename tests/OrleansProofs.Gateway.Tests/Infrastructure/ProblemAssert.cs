// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansProofs.Gateway.Tests.Infrastructure;

/// <summary>Asserts an RFC 7807 problem document with the status, the field at fault and a reason.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts <paramref name="response"/> is a problem with <paramref name="status"/> naming <paramref name="field"/>; returns its reason.</summary>
    public static async Task<string> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(field, problem.GetProperty("field").GetString());
        string reason = problem.GetProperty("reason").GetString() ?? string.Empty;
        Assert.False(string.IsNullOrWhiteSpace(reason), "the problem must give a reason");
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        return reason;
    }

    /// <summary>Reads a JSON body after asserting the status.</summary>
    public static async Task<JsonElement> IsJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
