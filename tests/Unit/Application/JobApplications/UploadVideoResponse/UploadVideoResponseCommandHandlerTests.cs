using AppBackend.Application.Common.Security;
using AppBackend.Application.JobApplications;
using AppBackend.Application.JobApplications.UploadVideoResponse;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Application.JobApplications.UploadVideoResponse;

/// <summary>The order of the file operations around the save: a stored answer always has its file.</summary>
public class UploadVideoResponseCommandHandlerTests
{
    private const string Owner = "candidate-sub-1";

    private readonly OperationLog _log = new();
    private readonly FakeMediaStore _media;
    private readonly FakeUnitOfWork _unitOfWork;

    public UploadVideoResponseCommandHandlerTests()
    {
        _media = new FakeMediaStore(_log);
        _unitOfWork = new FakeUnitOfWork(_log);
    }

    [Fact]
    public async Task Handle_InDraft_CommitsTheFileUnderTheNewVideoThenSaves()
    {
        var scenario = ApplicationScenario.Start();

        var result = await Handler(scenario).Handle(Command(scenario, 0), CancellationToken.None);

        result.ShouldSucceed();
        var added = scenario.Video(0);
        _log.Entries.Should().Equal($"commit {added.Id}", "save");
        added.IsStoredUpload.Should().BeTrue();
        added.Url.Should().Be($"/media/{added.Id}");
        result.Value.VideoResponseId.Should().Be(added.Id);
        result.Value.Url.Should().Be($"signed:{added.Id}", "the frontend gets a URL it can play the video back from");
        result.Value.Status.Should().Be("uploaded");
    }

    [Fact]
    public async Task Handle_ReplacingAStoredUpload_DeletesItsFileAfterTheSave()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: true);
        var replaced = scenario.Video(0);

        var result = await Handler(scenario).Handle(Command(scenario, 0), CancellationToken.None);

        result.ShouldSucceed();
        _log.Entries.Should().Equal($"commit {result.Value.VideoResponseId}", "save", $"delete {replaced.Id}");
    }

    [Fact]
    public async Task Handle_ReplacingAVideoGivenByUrl_DeletesNothing()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: false);

        var result = await Handler(scenario).Handle(Command(scenario, 0), CancellationToken.None);

        result.ShouldSucceed();
        _log.Entries.Should().Equal($"commit {result.Value.VideoResponseId}", "save");
    }

    [Fact]
    public async Task Handle_WhenTheSaveFails_RemovesTheNewFileAndKeepsTheOld()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: true);
        var earlier = scenario.Video(0);
        _unitOfWork.SaveFailure = new ConcurrencyConflictException("another writer was first");

        var handle = async () => await Handler(scenario).Handle(Command(scenario, 0), CancellationToken.None);

        await handle.Should().ThrowAsync<ConcurrencyConflictException>();
        var added = scenario.Video(0);
        added.Should().NotBeSameAs(earlier);
        _log.Entries.Should().Equal($"commit {added.Id}", "save", $"delete {added.Id}");
    }

    [Fact]
    public async Task Handle_WhenTheReplacedFileCannotBeDeleted_StillAnswersTheUpload()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: true);
        var replaced = scenario.Video(0);
        _media.DeleteFailure = new IOException("disk gone");

        var result = await Handler(scenario).Handle(Command(scenario, 0), CancellationToken.None);

        result.ShouldSucceed();
        _log.Entries.Should().Equal($"commit {result.Value.VideoResponseId}", "save", $"delete {replaced.Id}");
        scenario.Video(0).Id.Should().Be(result.Value.VideoResponseId);
    }

    [Fact]
    public async Task Handle_ForAnotherCandidatesApplication_ReturnsNotFoundAndStoresNothing()
    {
        var scenario = ApplicationScenario.Start();

        var result = await Handler(scenario, new FakeCurrentUser("someone-else")).Handle(Command(scenario, 0), CancellationToken.None);

        result.ShouldFailWith(ErrorKind.NotFound, "application.not_found");
        _log.Entries.Should().BeEmpty();
        scenario.Application.VideoResponses.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenTheApplicationIsNotEditable_ReturnsTheRefusalAndStoresNothing()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);

        var result = await Handler(scenario).Handle(Command(scenario, 0), CancellationToken.None);

        result.ShouldFailWith(ErrorKind.Conflict, "application.not_editable");
        _log.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_ForAQuestionNotInTheInterview_ReturnsTheRefusalAndStoresNothing()
    {
        var scenario = ApplicationScenario.Start();
        var command = new UploadVideoResponseCommand(scenario.Application.Id, "unknown-question", FakeMediaStore.StagedVideo());

        var result = await Handler(scenario).Handle(command, CancellationToken.None);

        result.ShouldFailWith(ErrorKind.Validation, "application.question_not_in_interview");
        _log.Entries.Should().BeEmpty();
    }

    private static UploadVideoResponseCommand Command(ApplicationScenario scenario, int question) =>
        new(scenario.Application.Id, scenario.QuestionId(question), FakeMediaStore.StagedVideo());

    private UploadVideoResponseCommandHandler Handler(ApplicationScenario scenario, ICurrentUser? user = null)
    {
        var repositories = new FakeRepositories(scenario.Application, scenario.Interview);
        return new UploadVideoResponseCommandHandler(
            repositories,
            repositories,
            _unitOfWork,
            user ?? new FakeCurrentUser(Owner),
            _media,
            Mappings.Mapper(),
            new JobApplicationViewPresenter(new FakeMediaUrls()),
            new FakeTimeProvider(scenario.Later()),
            NullLogger<UploadVideoResponseCommandHandler>.Instance);
    }
}
