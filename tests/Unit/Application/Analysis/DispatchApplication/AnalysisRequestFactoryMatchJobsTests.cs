using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Application.Analysis.DispatchApplication;

public class AnalysisRequestFactoryMatchJobsTests
{
    private static readonly AnalysisRequestVideo[] Sent =
    [
        new("video-a", "question-1", "https://media.example.com/a"),
        new("video-b", "question-2", "https://media.example.com/b"),
        new("video-c", "question-3", "https://media.example.com/c"),
    ];

    [Fact]
    public void MatchJobs_ByVideoResponseIdInAnyOrder_PairsEachJobWithItsVideo()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-c", "video-c"), new AcceptedJob("bull-a", "video-a"), new AcceptedJob("bull-b", "video-b")]);

        matched.Should().BeEquivalentTo(
        [
            new DispatchedJob("video-a", "bull-a"),
            new DispatchedJob("video-b", "bull-b"),
            new DispatchedJob("video-c", "bull-c"),
        ]);
    }

    [Fact]
    public void MatchJobs_WithoutVideoResponseIds_PairsByPosition()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-1", null), new AcceptedJob("bull-2", null), new AcceptedJob("bull-3", null)]);

        matched.Should().Equal(
            new DispatchedJob("video-a", "bull-1"),
            new DispatchedJob("video-b", "bull-2"),
            new DispatchedJob("video-c", "bull-3"));
    }

    [Fact]
    public void MatchJobs_WithSomeIdsAndSomePositions_PairsEachJobByWhatItCarries()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-1", null), new AcceptedJob("bull-c", "video-c"), new AcceptedJob("bull-b", "video-b")]);

        matched.Should().BeEquivalentTo(
        [
            new DispatchedJob("video-a", "bull-1"),
            new DispatchedJob("video-b", "bull-b"),
            new DispatchedJob("video-c", "bull-c"),
        ]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void MatchJobs_WhenAJobIdIsEmpty_ReturnsNull(string jobId)
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-a", "video-a"), new AcceptedJob(jobId, "video-b"), new AcceptedJob("bull-c", "video-c")]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WhenAnIdNamesAVideoNotSent_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-a", "video-a"), new AcceptedJob("bull-b", "video-b"), new AcceptedJob("bull-c", "video-z")]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WhenAVideoGetsTwoJobsAndAnotherNone_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-a", "video-a"), new AcceptedJob("bull-a2", "video-a"), new AcceptedJob("bull-c", "video-c")]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WhenAVideoGetsTwoJobsBesideOneForEachVideo_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [.. Sent.Select(v => new AcceptedJob($"bull-{v.VideoResponseId}", v.VideoResponseId)), new AcceptedJob("bull-extra", "video-b")]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WhenAPositionalJobLandsOnAVideoAlreadyNamed_ReturnsNull()
    {
        // Position 2 is video-c, which the first job already names: video-c would get two jobs and video-a none.
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-c", "video-c"), new AcceptedJob("bull-b", "video-b"), new AcceptedJob("bull-3", null)]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WhenAVideoGetsNoJob_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            Sent,
            [new AcceptedJob("bull-a", "video-a"), new AcceptedJob("bull-c", "video-c")]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WithFewerPositionalJobsThanVideos_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(Sent, [new AcceptedJob("bull-1", null), new AcceptedJob("bull-2", null)]);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WithNoJobs_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(Sent, []);

        matched.Should().BeNull();
    }

    [Fact]
    public void MatchJobs_WithMorePositionalJobsThanVideos_ReturnsNull()
    {
        var matched = AnalysisRequestFactory.MatchJobs(
            [Sent[0]],
            [new AcceptedJob("bull-1", null), new AcceptedJob("bull-2", null)]);

        matched.Should().BeNull();
    }
}
