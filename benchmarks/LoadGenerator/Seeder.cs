using System.Globalization;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>
/// Bulk seeding straight into the EF schema (migration <c>Postgres/20261123140525_InitialCreate</c>) with the value
/// formats EF writes: ids are 32 lower-case hex digits with a time-ordered prefix (like <c>Guid.CreateVersion7().ToString("N")</c>),
/// enums as their names (<c>AwaitingAiAnalysis</c>, <c>Processing</c>, <c>Done</c>), timestamps as <c>timestamptz</c>,
/// <c>Version</c> = the number of changes the aggregate has seen. Every application has <see cref="VideosPerApplication"/>
/// videos, one per question of the one benchmark interview.
/// </summary>
public sealed class Seeder(string connectionString)
{
    public const int VideosPerApplication = 4;
    public const string InterviewId = "0190000000007000800000000000bead";

    private const string ApplicationColumns =
        "\"Id\",\"InterviewId\",\"OwnerId\",\"Status\",\"AllowRetry\",\"FailureReason\",\"LatestAiAnalysisId\",\"OverallScore\"," +
        "\"DispatchAttempt\",\"CreatedAt\",\"UpdatedAt\",\"CandidateCvUrl\",\"CandidateEmail\",\"CandidateFullName\",\"CandidatePhone\",\"Version\",\"OrganizationId\"";

    private const string VideoColumns =
        "\"Id\",\"QuestionId\",\"Url\",\"IsStoredUpload\",\"Status\",\"JobId\",\"DispatchedAt\",\"LastPolledAt\",\"AlertedAt\"," +
        "\"OverallScore\",\"AiAnalysisId\",\"ApplicationId\",\"NextPollAt\"";

    public static string QuestionId(int position) => $"0190000000007000800000000000bea{position.ToString(CultureInfo.InvariantCulture)}";

    public async Task ExecuteAsync(string sql, int timeoutSeconds = 1800)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<List<string[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    public Task InterviewAsync()
    {
        var questions = string.Join(
            ",\n",
            Enumerable.Range(0, VideosPerApplication).Select(p =>
                $"('{QuestionId(p)}', {p}, 'Question {p + 1}: tell us about a hard bug you fixed.', 120, '{{\"skill\":\"problem_solving\"}}', '{InterviewId}')"));
        return ExecuteAsync($"""
            INSERT INTO interviews ("Id","OrganizationId","Title","CreatedAt","Version") VALUES ('{InterviewId}', '{Jwt.Organization}', 'Benchmark interview', now() - interval '60 days', 1);
            INSERT INTO interview_questions ("Id","Position","Text","DurationSeconds","AiMetadata","InterviewId") VALUES
            {questions};
            """);
    }

    /// <summary>
    /// Applications <paramref name="from"/> ≤ n &lt; <paramref name="to"/> of kind <paramref name="tag"/>, finished long ago:
    /// <c>Completed</c>, every video <c>Done</c> with job <c>{tag}-{n}-{k}</c>, and one stored result per video.
    /// </summary>
    public async Task CompletedAsync(string tag, long from, long to)
    {
        await ExecuteAsync($"""
            INSERT INTO job_applications ({ApplicationColumns})
            SELECT {AppId(tag)}, '{InterviewId}', 'candidate-' || g, 'Completed', false, NULL, 'ai-{tag}-' || g || '-3', 83, 1,
                   ts, ts + interval '10 minutes', NULL, '{tag}-' || g || '@example.com', 'Candidate ' || g, NULL, {2 + (VideosPerApplication * 2) + 1}, '{Jwt.Organization}'
            FROM (SELECT g, now() - interval '59 days' + g * interval '1 second' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s;

            INSERT INTO video_responses ({VideoColumns})
            SELECT {VideoId(tag)}, '{QuestionIdSql()}', 'https://videos.example.com/' || {VideoId(tag)} || '.mp4', false, 'Done',
                   '{tag}-' || g || '-' || k, ts + interval '1 minute', NULL, NULL, 83, 'ai-{tag}-' || g || '-' || k, {AppId(tag)}, NULL
            FROM (SELECT g, now() - interval '59 days' + g * interval '1 second' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s,
                 generate_series(0, {VideosPerApplication - 1}) k;

            INSERT INTO ai_analysis_results ("JobId","AiAnalysisId","VideoResponseId","Outcome","OverallScore","Error","ReceivedAt","ApplicationId")
            SELECT '{tag}-' || g || '-' || k, 'ai-{tag}-' || g || '-' || k, {VideoId(tag)}, 'Done', 83, NULL, ts + interval '5 minutes', {AppId(tag)}
            FROM (SELECT g, now() - interval '59 days' + g * interval '1 second' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s,
                 generate_series(0, {VideosPerApplication - 1}) k;
            """);
    }

    /// <summary>
    /// Applications in flight: <c>AwaitingAiAnalysis</c>, every video <c>Processing</c> with job <c>{tag}-{n}-{k}</c>.
    /// <paramref name="dispatchedAt"/> and <paramref name="lastPolledAt"/> are SQL given g and k; <c>NextPollAt</c> follows
    /// from them as the aggregate keeps it (<c>PollSchedule</c> with the defaults <c>Analysis:PollAfter</c> =
    /// <c>Analysis:PollInterval</c> = 30 s): the later of dispatch + 30 s and last poll + 30 s.
    /// </summary>
    public Task InFlightAsync(string tag, long from, long to, string dispatchedAt = "now() - interval '5 seconds'", string lastPolledAt = "NULL") =>
        ExecuteAsync($"""
            INSERT INTO job_applications ({ApplicationColumns})
            SELECT {AppId(tag)}, '{InterviewId}', 'candidate-' || g, 'AwaitingAiAnalysis', false, NULL, NULL, NULL, 1,
                   ts, ts, NULL, '{tag}-' || g || '@example.com', 'Candidate ' || g, NULL, 3, '{Jwt.Organization}'
            FROM (SELECT g, now() - interval '1 hour' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s;

            INSERT INTO video_responses ({VideoColumns})
            SELECT {VideoId(tag)}, '{QuestionIdSql()}', 'https://videos.example.com/' || {VideoId(tag)} || '.mp4', false, 'Processing',
                   '{tag}-' || g || '-' || k, d, p, NULL, NULL, NULL, {AppId(tag)}, GREATEST(d + interval '30 seconds', p + interval '30 seconds')
            FROM (SELECT g, now() - interval '1 hour' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s,
                 generate_series(0, {VideosPerApplication - 1}) k,
                 LATERAL (SELECT ({dispatchedAt})::timestamptz AS d, ({lastPolledAt})::timestamptz AS p) t;
            """);

    /// <summary>Draft applications, every question answered with an external video URL (status <c>Uploaded</c>).</summary>
    public Task DraftsAsync(string tag, long from, long to) =>
        ExecuteAsync($"""
            INSERT INTO job_applications ({ApplicationColumns})
            SELECT {AppId(tag)}, '{InterviewId}', 'recruiter-bench', 'Draft', false, NULL, NULL, NULL, 0,
                   ts, ts, NULL, '{tag}-' || g || '@example.com', 'Candidate ' || g, NULL, {VideosPerApplication}, '{Jwt.Organization}'
            FROM (SELECT g, now() - interval '1 hour' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s;

            INSERT INTO video_responses ({VideoColumns})
            SELECT {VideoId(tag)}, '{QuestionIdSql()}', 'https://videos.example.com/' || {VideoId(tag)} || '.mp4', false, 'Uploaded',
                   NULL, NULL, NULL, NULL, NULL, NULL, {AppId(tag)}, NULL
            FROM (SELECT g, now() - interval '1 hour' AS ts FROM generate_series({from}::bigint, {to - 1}::bigint) g) s,
                 generate_series(0, {VideosPerApplication - 1}) k;
            """);

    /// <summary>
    /// Statistics for the planner, then a checkpoint, so that a measured run neither plans on stale statistics nor pays
    /// for the checkpoint (and the full-page writes after it) that the seeding's WAL would otherwise trigger meanwhile.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        await ExecuteAsync("VACUUM ANALYZE");
        await ExecuteAsync("CHECKPOINT");
    }

    /// <summary>A time-ordered 32-hex id from the row's timestamp <c>ts</c> (48-bit ms, like UUIDv7) and a hash of tag and g.</summary>
    private static string AppId(string tag) =>
        $"(lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(md5('{tag}-a-' || g), 1, 19))";

    private static string VideoId(string tag) =>
        $"(lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(md5('{tag}-v-' || g || '-' || k), 1, 19))";

    private static string QuestionIdSql() => "0190000000007000800000000000bea' || k || '";
}
