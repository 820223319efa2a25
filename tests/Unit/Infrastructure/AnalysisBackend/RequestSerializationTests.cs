using System.Net;
using System.Text.Json;
using AppBackend.Application.Common.Ports.AnalysisBackend;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>
/// Issue 12, item 2: a request AppBackend cannot write (aiMetadata stored deeper than the serializer goes) is our
/// failure, found before anything is sent: never "AI backend unavailable", never retried against the AI backend.
/// </summary>
public sealed class RequestSerializationTests : IAsyncLifetime
{
    private readonly AiBackendPipeline _pipeline = AiBackendPipeline.FromInfrastructure();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task StartAnalysisAsync_WhenTheRequestCannotBeSerialized_ReturnsNotSentAndSendsNothing()
    {
        _pipeline.Server.Respond(HttpStatusCode.Accepted, """{"jobIds":[]}""");
        var request = RefitAnalysisBackendTests.SampleRequest();
        var deep = JsonDocument.Parse(Nested(70), new JsonDocumentOptions { MaxDepth = 100 }).RootElement.Clone();
        request = request with { Interview = request.Interview with { Questions = [request.Interview.Questions[0] with { AiMetadata = deep }] } };

        var answer = await _pipeline.Run(token => _pipeline.AnalysisBackend().StartAnalysisAsync(request, "key-1", token)).WaitAsync(TimeSpan.FromSeconds(10));

        answer.Should().BeOfType<DispatchAnswer.NotSent>().Which.Reason.Should().Contain("could not be written as JSON");
        _pipeline.Server.AttemptCount.Should().Be(0);
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("""{"l":""", depth)) + "1" + new string('}', depth);
}
