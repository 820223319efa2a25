using AppBackend.Application.Common.Concurrency;
using AppBackend.Domain.Common;

namespace AppBackend.UnitTests.Application.Common.Concurrency;

public class OptimisticUpdateTests
{
    private readonly ConflictingUnitOfWork _unitOfWork = new();

    [Fact]
    public async Task RetryAsync_WhenTheFirstSavesConflict_DecidesAgainOnAFreshReadUntilOneLands()
    {
        _unitOfWork.ConflictsLeft = 2;
        var attempts = 0;
        var conflicts = new List<int>();

        var answer = await new OptimisticUpdate(_unitOfWork).RetryAsync(
            3, _ => ValueTask.FromResult(Decision.Save(++attempts)), conflicts.Add, CancellationToken.None);

        answer.Should().Be(3);
        conflicts.Should().Equal(1, 2);
        _unitOfWork.Saves.Should().Be(3);
        _unitOfWork.Discards.Should().Be(2, "only the attempts after a conflict start from a fresh read");
    }

    [Fact]
    public async Task RetryAsync_WhenEveryAttemptConflicts_PropagatesTheLastConflict()
    {
        _unitOfWork.ConflictsLeft = int.MaxValue;

        var act = async () => await new OptimisticUpdate(_unitOfWork).RetryAsync(
            4, _ => ValueTask.FromResult(Decision.Save(0)), _ => { }, CancellationToken.None);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        _unitOfWork.Saves.Should().Be(4);
    }

    [Fact]
    public async Task RetryAsync_WhenTheAttemptOnlyAnswers_SavesNothing()
    {
        var answer = await new OptimisticUpdate(_unitOfWork).RetryAsync(
            5, _ => ValueTask.FromResult(Decision.Answer("refused")), _ => { }, CancellationToken.None, readFresh: true);

        answer.Should().Be("refused");
        _unitOfWork.Saves.Should().Be(0);
        _unitOfWork.Discards.Should().Be(1, "readFresh discards before the first attempt too");
    }

    [Fact]
    public async Task FirstWriterWinsAsync_WhenAnotherWriterSavedFirst_ForgetsTheChangesAndAnswersLost()
    {
        _unitOfWork.ConflictsLeft = 1;
        var attempts = 0;

        var answer = await new OptimisticUpdate(_unitOfWork).FirstWriterWinsAsync(
            _ => ValueTask.FromResult(Decision.Save(++attempts == 1)), lost: false, CancellationToken.None);

        answer.Should().BeFalse();
        attempts.Should().Be(1, "a lost claim is never tried again");
        _unitOfWork.Discards.Should().Be(2, "a fresh read before the attempt, and the loser's changes forgotten after it");
    }

    [Fact]
    public async Task FirstWriterWinsAsync_OnWhatWasAlreadyLoaded_DiscardsNothingBeforeAWinningSave()
    {
        var answer = await new OptimisticUpdate(_unitOfWork).FirstWriterWinsAsync(
            _ => ValueTask.FromResult(Decision.Save(true)), lost: false, CancellationToken.None, readFresh: false);

        answer.Should().BeTrue();
        _unitOfWork.Saves.Should().Be(1);
        _unitOfWork.Discards.Should().Be(0);
    }

    private sealed class ConflictingUnitOfWork : IUnitOfWork
    {
        public int ConflictsLeft { get; set; }

        public int Saves { get; private set; }

        public int Discards { get; private set; }

        public Task SaveChangesAsync(CancellationToken cancellationToken)
        {
            Saves++;
            if (ConflictsLeft > 0)
            {
                ConflictsLeft--;
                return Task.FromException(new ConcurrencyConflictException("Another writer was first."));
            }

            return Task.CompletedTask;
        }

        public void DiscardChanges() => Discards++;
    }
}
