namespace AppBackend.WebApi.Auth;

/// <summary>Names the actor of an endpoint whose caller is not a user (the AI backend's webhook): its changes are recorded as made by <see cref="Actor"/>.</summary>
public sealed record ActorMetadata(string Actor);
