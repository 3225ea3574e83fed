// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Http;

/// <summary>Which of the gateway's two credentials an endpoint requires; each opens only its own endpoints.</summary>
internal enum BearerKey
{
    /// <summary>The operator's API key (<see cref="Hosting.GatewayOptions.ApiKey"/>): every state change but block pushes.</summary>
    Operator,

    /// <summary>The blockchain adapter's token (<see cref="Hosting.GatewayOptions.AdapterToken"/>): block pushes only.</summary>
    Adapter,
}
