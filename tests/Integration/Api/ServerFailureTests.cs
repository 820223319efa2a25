using System.Net;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Issue 12, item 2: when AppBackend cannot write its own answer (an interview stored before aiMetadata was bounded,
/// nested deeper than the serializer goes), the caller gets a 500 problem and the log an error, never a 400 that
/// blames the caller.
/// </summary>
public sealed class ServerFailureTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private TestDatabase _database = null!;
    private AppBackendFactory _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "serverfailure");
        _app = new AppBackendFactory(_database.Provider, _database.ConnectionString, logCapture: _logs);
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ListInterviews_WhenAStoredInterviewCannotBeWritten_Returns500ProblemAndLogsAnError()
    {
        var recruiter = _app.CreateClient();
        recruiter.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Recruiter());
        var interview = await ApiRequests.CreateInterviewAsync(recruiter, 1);
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE interview_questions SET AiMetadata = $json WHERE InterviewId = $id";
            update.Parameters.AddWithValue("$json", InputSafetyTests.Nested(62));
            update.Parameters.AddWithValue("$id", interview.Id());
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var response = await recruiter.GetAsync("/api/interviews");

        await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        _logs.Logs.Should().Contain(l => l.Level == LogLevel.Error && l.Category.EndsWith("ApiExceptionHandler", StringComparison.Ordinal));
    }
}
