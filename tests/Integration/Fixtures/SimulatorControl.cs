using System.Net.Http.Json;
using System.Text.Json;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>The AI backend simulator's control API (<c>/control</c>), as the tests script it.</summary>
public sealed class SimulatorControl(HttpClient http)
{
    public async Task ResetAsync() => (await http.PostAsync("/control/reset", null)).EnsureSuccessStatusCode();

    public async Task SettingsAsync(object settings) =>
        (await http.PostAsJsonAsync("/control/settings", settings)).EnsureSuccessStatusCode();

    /// <summary>The next <paramref name="count"/> analysis requests answer <paramref name="status"/>.</summary>
    public async Task FaultAsync(int status, int count = 1, int? retryAfterSeconds = null, bool hang = false) =>
        (await http.PostAsJsonAsync("/control/faults", new { status, count, retryAfterSeconds, hang })).EnsureSuccessStatusCode();

    public async Task FailVideoAsync(string videoResponseId, string error = "face not visible") =>
        (await http.PostAsJsonAsync($"/control/videos/{videoResponseId}/fail", new { error })).EnsureSuccessStatusCode();

    public async Task CompleteJobAsync(string jobId, string status = "done", double? overallScore = 90, string? error = null) =>
        (await http.PostAsJsonAsync($"/control/jobs/{jobId}/complete", new { status, overallScore, error })).EnsureSuccessStatusCode();

    public async Task RedeliverAsync(string jobId) => (await http.PostAsync($"/control/jobs/{jobId}/redeliver", null)).EnsureSuccessStatusCode();

    public Task<JsonElement[]> RequestsAsync() => ReadArrayAsync("/control/requests");

    public Task<JsonElement[]> JobsAsync() => ReadArrayAsync("/control/jobs");

    public Task<JsonElement[]> CallbacksAsync() => ReadArrayAsync("/control/callbacks");

    private async Task<JsonElement[]> ReadArrayAsync(string path) =>
        await http.GetFromJsonAsync<JsonElement[]>(path) ?? [];
}
