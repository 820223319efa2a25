using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>The event streams scenario: many subscribers while the pipeline runs.</summary>
public sealed partial class Suite
{
    private async Task EventStreamsAsync(ServerProcess webApi, Seeder seeder, string token)
    {
        // One job of each of two applications: the first is watched; the second's callback, sent before, warms the
        // webhook path, which this WebApi has not served yet (its first callback took 105–205 ms, mostly JIT).
        var jobs = await seeder.RowsAsync(
            "SELECT DISTINCT ON (a.\"Id\") a.\"Id\", v.\"Id\", v.\"JobId\" FROM job_applications a JOIN video_responses v ON v.\"ApplicationId\" = a.\"Id\" " +
            "WHERE a.\"Status\" = 'AwaitingAiAnalysis' AND v.\"Status\" = 'Processing' ORDER BY a.\"Id\", v.\"Id\" LIMIT 2");
        var (target, warmUp) = (jobs[0], jobs[1]);
        using var hook = LoadClient(webApi.BaseUrl, 1);
        using (var request = SignedCallback.Done(warmUp[2], warmUp[1], Settings.CallbackSecret).ToRequest())
        using (var response = await hook.SendAsync(request))
        {
            response.EnsureSuccessStatusCode();
        }

        var before = webApi.Memory();
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false })
        {
            BaseAddress = webApi.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var opened = new CountdownEvent(settings.Streams);
        var secondEvents = new TimeSpan?[settings.Streams];
        var readers = Enumerable.Range(0, settings.Streams).Select(async i =>
        {
            var signalled = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{target[0]}/events");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await streams.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
                using var reader = new StreamReader(body);
                var events = 0;
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (!line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    events++;
                    if (events == 1)
                    {
                        signalled = true;
                        opened.Signal();
                    }
                    else
                    {
                        secondEvents[i] = clock.Elapsed;
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                Console.Error.WriteLine($"stream {i}: {ex.Message}");
            }
            finally
            {
                if (!signalled)
                {
                    opened.Signal();
                }
            }
        }).ToList();

        if (!opened.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"only {settings.Streams - opened.CurrentCount} of {settings.Streams} streams sent their first event within 60 s");
        }

        var openSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(500);
        var open = webApi.Memory();

        var callback = SignedCallback.Done(target[2], target[1], Settings.CallbackSecret);
        var sent = clock.Elapsed;
        TimeSpan answered;
        using (var request = callback.ToRequest())
        using (var response = await hook.SendAsync(request))
        {
            answered = clock.Elapsed - sent;
            response.EnsureSuccessStatusCode();
        }

        var all = Task.WhenAll(readers);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60)));
        var after = webApi.Memory();
        await stop.CancelAsync();
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10)));

        var reached = secondEvents.Where(t => t is not null).Select(t => (t!.Value - sent).TotalMilliseconds).ToList();
        var rss = Math.Max(open.Rss, after.Rss);
        _rows.Add(new Row(
            $"events: RSS with {settings.Streams} open streams", rss, "MB", $"{before.Rss:0} MB before", "-", "< 250 MB", rss < 250,
            $"opened in {openSeconds:0.0} s; VmHWM {after.Hwm:0} MB"));
        var slowest = reached.Count == settings.Streams ? reached.Max() : double.NaN;
        _rows.Add(new Row(
            $"events: one change reaches all {settings.Streams} open streams", reached.Count == settings.Streams ? slowest : null, "ms",
            reached.Count > 0 ? $"first {reached.Min():0} ms, median {Median(reached):0} ms" : "-", "-", "< 250 ms",
            reached.Count == settings.Streams && slowest < 250,
            $"{reached.Count}/{settings.Streams} streams got it within 60 s; the callback was answered after {answered.TotalMilliseconds:0} ms (the second this WebApi serves)"));
    }
}
