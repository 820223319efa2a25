namespace AppBackend.WebApi.Endpoints;

/// <summary>
/// The multipart form of adding a video, for the OpenAPI document only: the endpoint streams the body itself
/// rather than binding it (binding an <see cref="IFormFile"/> would buffer the file).
/// </summary>
/// <param name="QuestionId">The question answered; before or after the file.</param>
/// <param name="File">The video (a <c>video/*</c> part whose bytes are a known video container).</param>
public sealed record UploadVideoResponseForm(string QuestionId, IFormFile File);
