using AppBackend.Application.JobApplications;
using AppBackend.Application.JobApplications.AddVideoResponse;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Application.JobApplications.AddVideoResponse;

/// <summary>A video given by URL that replaces a stored upload takes the upload's file with it, after the save.</summary>
public class AddVideoResponseCommandHandlerTests
{
    private readonly OperationLog _log = new();

    [Fact]
    public async Task Handle_ReplacingAStoredUpload_DeletesItsFileAfterTheSave()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: true);
        var replaced = scenario.Video(0);

        var result = await Handler(scenario).Handle(Command(scenario), CancellationToken.None);

        result.ShouldSucceed();
        result.Value.Url.Should().Be("https://videos.example.com/new.mp4");
        _log.Entries.Should().Equal("save", $"delete {replaced.Id}");
    }

    [Fact]
    public async Task Handle_ReplacingAVideoGivenByUrl_DeletesNothing()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: false);

        var result = await Handler(scenario).Handle(Command(scenario), CancellationToken.None);

        result.ShouldSucceed();
        _log.Entries.Should().Equal("save");
    }

    private static AddVideoResponseCommand Command(ApplicationScenario scenario) =>
        new(scenario.Application.Id, scenario.QuestionId(0), "https://videos.example.com/new.mp4");

    private AddVideoResponseCommandHandler Handler(ApplicationScenario scenario)
    {
        var repositories = new FakeRepositories(scenario.Application, scenario.Interview);
        return new AddVideoResponseCommandHandler(
            repositories,
            repositories,
            new FakeUnitOfWork(_log),
            new FakeCurrentUser("candidate-sub-1"),
            new FakeMediaStore(_log),
            Mappings.Mapper(),
            new JobApplicationViewPresenter(new FakeMediaUrls()),
            new FakeTimeProvider(scenario.Later()),
            NullLogger<AddVideoResponseCommandHandler>.Instance);
    }
}
