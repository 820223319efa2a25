using System.Globalization;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// Issue 12, item 10 (contract section 3): every request AppBackend sends, to the AI backend and to Slack, carries its
/// body with a Content-Length and is never chunked, as a real listener records them.
/// </summary>
public sealed class OutgoingRequestFramingTests(PeerPipelineFixture fixture) : IClassFixture<PeerPipelineFixture>
{
    [Fact]
    public async Task DispatchAndAlert_ArriveWithAContentLengthAndUnchunked()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 1);

        var dispatch = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Peer.Requests.FirstOrDefault(r => r.Path == "/v1/analysis/video" && r.Json().GetProperty("application").GetProperty("id").GetString() == applicationId)),
            r => r is not null,
            "the dispatch at the AI backend");
        var alert = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Peer.Requests.FirstOrDefault(r => r.Path == "/slack" && System.Text.Encoding.UTF8.GetString(r.Body).Contains(applicationId, StringComparison.Ordinal))),
            r => r is not null,
            "the Slack alert for the silent job");

        foreach (var request in new[] { dispatch!, alert! })
        {
            request.Header("Transfer-Encoding").Should().BeNull($"{request.Path} must not be chunked");
            request.Header("Content-Length").Should().Be(request.Body.Length.ToString(CultureInfo.InvariantCulture), $"{request.Path} carries its length");
            request.Body.Should().NotBeEmpty();
        }
    }
}
