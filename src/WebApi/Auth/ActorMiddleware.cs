using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.Context;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AppBackend.WebApi.Auth;

/// <summary>
/// After authentication: who the request's changes are recorded as made by. The endpoint's <see cref="ActorMetadata"/>
/// when it has one, else the authenticated caller (<c>candidate:{sub}</c> or <c>recruiter:{sub}</c>).
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ScopedRequestContext work, ICurrentUser user)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ActorMetadata>() is { } named)
        {
            work.Actor = named.Actor;
        }
        else if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(JwtRegisteredClaimNames.Sub) is not null)
        {
            work.Actor = Actors.Of(user);
        }

        return next(context);
    }
}
