using System.Net.Http.Headers;
using AppBackend.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.AnalysisBackend;

/// <summary>
/// Signs every attempt with a fresh HS256 JWT (<c>iss</c> app-backend, <c>aud</c> ai-backend, unique <c>jti</c>).
/// It sits inside the retry strategy, so a retry never reuses a token. Tokens are never logged.
/// </summary>
internal sealed class AiBackendJwtHandler(HmacJwtIssuer issuer, IOptions<AiBackendOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = issuer.Issue(
            options.Value.Secret, AiBackendOptions.Issuer, AiBackendOptions.Audience, AiBackendOptions.TokenLifetime, new Dictionary<string, object>());
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
