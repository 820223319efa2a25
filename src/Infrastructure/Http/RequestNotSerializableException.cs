using System.Text.Json;

namespace AppBackend.Infrastructure.Http;

/// <summary>A request body AppBackend could not write as JSON: our failure, found before anything was sent.</summary>
public sealed class RequestNotSerializableException(Uri? requestUri, JsonException inner)
    : Exception($"The body of the request to {requestUri?.GetLeftPart(UriPartial.Path)} could not be written as JSON: {inner.Message}", inner);
