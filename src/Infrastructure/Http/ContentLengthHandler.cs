using System.Text.Json;

namespace AppBackend.Infrastructure.Http;

/// <summary>
/// Contract section 3: every request AppBackend sends carries its body with a <c>Content-Length</c>, never chunked
/// (WSGI servers, some proxies and serverless gateways refuse chunked requests). JSON content does not know its
/// length before it is written, so it is written to a buffer here, once, before the first attempt; a body that
/// cannot be serialized is found here too, before anything is sent.
/// </summary>
internal sealed class ContentLengthHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            try
            {
                await content.LoadIntoBufferAsync(cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new RequestNotSerializableException(request.RequestUri, exception);
            }

            // Reading the length of buffered content computes it and sets the header.
            _ = content.Headers.ContentLength;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
