using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// Issue 12, item 3: access and state are checked before an upload's body is read. The requests below announce a
/// 400 MB body and send only its first bytes; the refusal must come without the rest.
/// </summary>
public sealed class UploadAdmissionTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private const long AnnouncedBodyBytes = 400L * 1024 * 1024;

    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Fact]
    public async Task Upload_ToAnUnknownApplication_Returns404BeforeTheBodyArrives()
    {
        var answer = await PostHeadOnlyAsync("/api/applications/does-not-exist/video-responses", TestTokens.Candidate("cara"));

        answer.Should().StartWith("HTTP/1.1 404").And.Contain("application.not_found");
        MediaRequests.FilesIn(fixture.MediaRoot).Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_ToAnotherCandidatesApplication_Returns404BeforeTheBodyArrives()
    {
        var (applicationId, _) = await MediaRequests.DraftAsync(_recruiter, fixture.Client(TestTokens.Candidate("owner")));

        var answer = await PostHeadOnlyAsync($"/api/applications/{applicationId}/video-responses", TestTokens.Candidate("intruder"));

        answer.Should().StartWith("HTTP/1.1 404");
    }

    [Fact]
    public async Task Upload_ToASubmittedApplication_Returns409BeforeTheBodyArrives()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        await ApiRequests.AddVideoAsync(_recruiter, applicationId, questions[0]);
        (await _recruiter.PostAsync($"/api/applications/{applicationId}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var answer = await PostHeadOnlyAsync($"/api/applications/{applicationId}/video-responses", TestTokens.Recruiter());

        answer.Should().StartWith("HTTP/1.1 409").And.Contain("application.not_editable");
    }

    /// <summary>Sends the request head and the first bytes of the form, then waits (at most 15 s) for the answer's head.</summary>
    private async Task<string> PostHeadOnlyAsync(string path, string token)
    {
        var server = fixture.Factory.ClientOptions.BaseAddress;
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            "Content-Type: multipart/form-data; boundary=b\r\n" +
            $"Content-Length: {AnnouncedBodyBytes.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = socket.GetStream();
        await stream.WriteAsync(head, timeout.Token);
        await stream.WriteAsync(TestVideos.Mp4(4096), timeout.Token);

        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) || !received.ToString().Contains('}'))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"No answer within 15 s while the body was held back; received: '{received}'.");
        }

        return received.ToString();
    }
}
