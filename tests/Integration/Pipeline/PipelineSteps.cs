using System.Net;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>Journeys through the whole pipeline, and what the simulator saw of them.</summary>
public static class PipelineSteps
{
    /// <summary>A submitted application (status queued) with a video for each of <paramref name="questionCount"/> questions.</summary>
    public static async Task<(JsonElement Interview, string ApplicationId)> SubmitAsync(HttpClient recruiter, int questionCount = 2)
    {
        var (interview, application) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount);
        var submitted = await recruiter.PostAsync($"/api/applications/{application.Id()}/submit", null);
        await submitted.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        return (interview, application.Id());
    }

    public static async Task<JsonElement> GetApplicationAsync(HttpClient client, string applicationId) =>
        await (await client.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

    public static Task<JsonElement> WaitForStatusAsync(HttpClient client, string applicationId, string status, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            () => GetApplicationAsync(client, applicationId),
            a => a.GetProperty("status").GetString() == status,
            $"application {applicationId} to become {status}",
            timeout);

    /// <summary>The analysis requests the simulator received for one application, in order.</summary>
    public static async Task<JsonElement[]> RequestsForAsync(SimulatorControl simulator, string applicationId) =>
        [.. (await simulator.RequestsAsync()).Where(r => r.GetProperty("idempotencyKey").GetString()?.StartsWith(applicationId, StringComparison.Ordinal) == true)];

    public static string Status(this JsonElement application) => application.GetProperty("status").GetString()!;
}
