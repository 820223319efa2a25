using AppBackend.Domain.Common;

namespace AppBackend.Application.Common.Media;

/// <summary>Refusals about stored media (the HTTP-only ones, such as a bad signature, are WebApi's MediaProblems).</summary>
public static class MediaErrors
{
    public static Error NotFound(string videoResponseId) =>
        Error.NotFound("media.not_found", $"No stored video exists for video response '{videoResponseId}'.");
}
