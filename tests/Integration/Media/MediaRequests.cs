using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Media;

/// <summary>The multipart form of adding a video, media URLs signed independently of AppBackend's code, and file checks.</summary>
public static class MediaRequests
{
    public static HttpContent VideoPart(byte[] bytes, string contentType = "video/mp4") => Typed(new ByteArrayContent(bytes), contentType);

    public static HttpContent VideoPart(Stream stream, string contentType = "video/mp4") => Typed(new StreamContent(stream), contentType);

    /// <summary>A form with <c>questionId</c> and <c>file</c> parts, the file first when <paramref name="fileFirst"/>; a null part is left out.</summary>
    public static MultipartFormDataContent Form(string? questionId, HttpContent? file, bool fileFirst = false)
    {
        var form = new MultipartFormDataContent();
        if (fileFirst && file is not null)
        {
            form.Add(file, "file", "answer.mp4");
        }

        if (questionId is not null)
        {
            form.Add(new StringContent(questionId), "questionId");
        }

        if (!fileFirst && file is not null)
        {
            form.Add(file, "file", "answer.mp4");
        }

        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string applicationId, HttpContent form) =>
        client.PostAsync($"/api/applications/{applicationId}/video-responses", form);

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string applicationId, string questionId, byte[] video) =>
        UploadAsync(client, applicationId, Form(questionId, VideoPart(video)));

    /// <summary>A draft application to a new interview of <paramref name="questionCount"/> questions, created by <paramref name="owner"/>.</summary>
    public static async Task<(string ApplicationId, string[] QuestionIds)> DraftAsync(HttpClient recruiter, HttpClient owner, int questionCount = 1)
    {
        var interview = await ApiRequests.CreateInterviewAsync(recruiter, questionCount);
        var application = await ApiRequests.CreateApplicationAsync(owner, interview.Id());
        return (application.Id(), [.. interview.GetProperty("questions").EnumerateArray().Select(q => q.Id())]);
    }

    /// <summary>Uploads <paramref name="video"/> and returns the 201 body.</summary>
    public static async Task<JsonElement> UploadedAsync(HttpClient client, string applicationId, string questionId, byte[] video)
    {
        var response = await UploadAsync(client, applicationId, questionId, video);
        return await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    /// <summary>The path and query of an absolute URL AppBackend gave out, to be asked of the test server.</summary>
    public static string Relative(string absoluteUrl) => new Uri(absoluteUrl).PathAndQuery;

    /// <summary>
    /// <c>/media/{id}?exp=…&amp;sig=…</c> signed as the contract's section 4 and the README describe it, with the
    /// test key: base64url HMAC-SHA256 over the path, a line feed and <c>exp</c>.
    /// </summary>
    public static string SignedPath(string videoResponseId, DateTimeOffset expiresAt)
    {
        var path = $"/media/{videoResponseId}";
        var exp = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestSecrets.MediaSigningKey), Encoding.UTF8.GetBytes($"{path}\n{exp}"));
        var sig = Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{path}?exp={exp}&sig={sig}";
    }

    /// <summary>Every file under the media root, temp files included, by name.</summary>
    public static string[] FilesIn(string mediaRoot) =>
        Directory.Exists(mediaRoot) ? [.. Directory.EnumerateFiles(mediaRoot).Select(Path.GetFileName).Order()!] : [];

    private static HttpContent Typed(HttpContent content, string contentType)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
