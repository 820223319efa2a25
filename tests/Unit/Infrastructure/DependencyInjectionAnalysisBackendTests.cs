using System.Net;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.UnitTests.Infrastructure.AnalysisBackend;

namespace AppBackend.UnitTests.Infrastructure;

/// <summary>
/// The <see cref="IAnalysisBackend"/> exactly as <c>AddInfrastructure</c> registers it (Refit client, resilience
/// handler, JWT handler, options from configuration), with only the socket handler and the clock replaced:
/// what a dispatch sees end to end, retries included.
/// </summary>
public sealed class DependencyInjectionAnalysisBackendTests : IAsyncLifetime
{
    private const string Key = "0195f0c4a7b27c3e9d1e2f3a4b5c6d7e-1";
    private const string Accepted = """{"jobIds":[{"jobId":"bull-1","videoResponseId":"v-1"},{"jobId":"bull-2","videoResponseId":"v-2"}]}""";
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(5);

    private AiBackendPipeline _pipeline = AiBackendPipeline.FromInfrastructure();

    private static DateTimeOffset Start => AiBackendPipeline.Start;

    private ScriptedHttpHandler Server => _pipeline.Server;

    /// <summary>
    /// Refit 16 builds a client only from its source-generated request builder unless Refit.Reflection is referenced;
    /// <c>AddRefitGeneratedClient</c> is the registration that works. Resolving the backend is what the dispatch
    /// worker does for every owed dispatch.
    /// </summary>
    [Fact]
    public async Task AddInfrastructure_Always_ResolvesTheAnalysisBackend()
    {
        await using var pipeline = AiBackendPipeline.FromInfrastructure();

        var resolve = () => pipeline.AnalysisBackend();

        resolve.Should().NotThrow();
    }

    [Fact]
    public async Task StartAnalysisAsync_When503TwiceThenAccepted_RetriesWithTheSameKeyAndAFreshJwt()
    {
        Server.Respond(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.Accepted, Accepted);

        var call = StartDispatch();
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4));

        var answer = await call.WaitAsync(AnswerLimit);
        answer.Should().BeOfType<DispatchAnswer.Accepted>()
            .Which.Jobs.Should().Equal(new AcceptedJob("bull-1", "v-1"), new AcceptedJob("bull-2", "v-2"));
        var attempts = Server.Attempts;
        attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(1), Start.AddSeconds(5));
        attempts.Should().AllSatisfy(a =>
        {
            a.RequestUri.Should().Be(new Uri(AiBackendPipeline.BaseAddress, "/v1/analysis/video"));
            a.IdempotencyKey.Should().Be(Key);
            a.RequestId.Should().Be(AiBackendPipeline.RequestId);
            a.Body.Should().Be(attempts[0].Body);
            a.Authorization!.Scheme.Should().Be("Bearer");
            Jwt.IsSignedWith(a.Authorization.Parameter!, AiBackendPipeline.Secret).Should().BeTrue();
        });
        attempts.Select(a => Jwt.Payload(a.Authorization!.Parameter!).GetProperty("jti").GetString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task StartAnalysisAsync_WhenEveryAttemptIs503_ReturnsUnavailableAfterFourAttempts()
    {
        Server.Respond(Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 4).ToArray());

        var call = StartDispatch();
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(16));

        (await call.WaitAsync(AnswerLimit)).Should().Be(new DispatchAnswer.Unavailable("HTTP 503 after every retry"));
        Server.AttemptCount.Should().Be(4);
    }

    [Fact]
    public async Task StartAnalysisAsync_WhenEveryAttemptTimesOut_ReturnsUnavailable()
    {
        Server.Hang().Hang().Hang().Hang();

        var call = StartDispatch();
        await _pipeline.WaitForAttemptsAsync(1);
        foreach (var wait in new[] { 1, 4, 16 })
        {
            await _pipeline.TimeOutAttemptAsync(TimeSpan.FromSeconds(30));
            await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(wait));
        }

        await _pipeline.TimeOutAttemptAsync(TimeSpan.FromSeconds(30));

        (await call.WaitAsync(AnswerLimit)).Should().Be(new DispatchAnswer.Unavailable("every attempt timed out"));
        Server.AttemptCount.Should().Be(4);
    }

    [Fact]
    public async Task StartAnalysisAsync_WhenTheConnectionFailsEveryTime_ReturnsUnavailable()
    {
        Server.RefuseConnection().RefuseConnection().RefuseConnection().RefuseConnection();

        var call = StartDispatch();
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(16));

        (await call.WaitAsync(AnswerLimit)).Should().Be(new DispatchAnswer.Unavailable("connection failed (ConnectionError)"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(409)]
    public async Task StartAnalysisAsync_WhenRefused_AnswersAfterOneAttempt(int status)
    {
        Server.Respond((HttpStatusCode)status, """{"error":"no"}""");

        var answer = await StartDispatch().WaitAsync(AnswerLimit);

        answer.Should().Be(status == 409
            ? new DispatchAnswer.VersionMismatch("""{"error":"no"}""")
            : new DispatchAnswer.Refused(status, """{"error":"no"}"""));
        Server.AttemptCount.Should().Be(1);
    }

    [Fact]
    public async Task StartAnalysisAsync_WithRetryDelaysFromConfiguration_WaitsThose()
    {
        await _pipeline.DisposeAsync();
        _pipeline = AiBackendPipeline.FromInfrastructure(new Dictionary<string, string?> { ["Analysis:RetryDelays"] = "00:00:03" });
        Server.Respond(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway);

        var call = StartDispatch();
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(3));

        (await call.WaitAsync(AnswerLimit)).Should().Be(new DispatchAnswer.Unavailable("HTTP 502 after every retry"));
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(3));
    }

    [Fact]
    public async Task GetJobStatusAsync_When503ThenAnswered_RetriesWithAFreshJwt()
    {
        Server.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, """{"jobId":"bull-1","videoResponseId":"v-1","status":"processing"}""");

        var call = _pipeline.Run(token => _pipeline.AnalysisBackend().GetJobStatusAsync("bull-1", token));
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));

        (await call.WaitAsync(AnswerLimit)).Should().Be(new JobStatusReport("bull-1", "v-1", "processing", null, null, null));
        Server.Attempts.Should().HaveCount(2).And.AllSatisfy(a =>
        {
            a.Method.Should().Be(HttpMethod.Get);
            a.RequestUri!.AbsolutePath.Should().Be("/v1/analysis/video/bull-1");
            Jwt.IsSignedWith(a.Authorization!.Parameter!, AiBackendPipeline.Secret).Should().BeTrue();
        });
        Server.Attempts[0].Authorization!.Parameter.Should().NotBe(Server.Attempts[1].Authorization!.Parameter);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    private Task<DispatchAnswer> StartDispatch() =>
        _pipeline.Run(token => _pipeline.AnalysisBackend().StartAnalysisAsync(RefitAnalysisBackendTests.SampleRequest(), Key, token));
}
