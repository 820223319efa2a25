namespace AppBackend.WebApi.Endpoints;

/// <summary>The JSON form of adding a video: the video already lives at <see cref="VideoUrl"/>.</summary>
public sealed record AddVideoResponseRequest(string? QuestionId, string? VideoUrl);
