using System.Text.Json;

namespace AppBackend.AiBackendSimulator.Http;

/// <summary>
/// Reads an optional JSON body by hand, so that a bad body is a 400 problem with a reason
/// (minimal API binding would throw in Development and answer an empty 400 elsewhere).
/// </summary>
public static class JsonBody
{
    public static async Task<JsonBodyOutcome<T>> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return new JsonBodyOutcome<T>(null, null);
        }

        try
        {
            return new JsonBodyOutcome<T>(JsonSerializer.Deserialize<T>(buffer.ToArray(), SimulatorJson.Options), null);
        }
        catch (JsonException exception)
        {
            return new JsonBodyOutcome<T>(null, Results.Problem(
                title: "Malformed body",
                detail: $"The body could not be read as {typeof(T).Name}: {exception.Message}",
                statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
