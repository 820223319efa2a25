using AppBackend.Domain.Common;

namespace AppBackend.UnitTests.Application.Fakes;

internal sealed class FakeUnitOfWork(OperationLog log) : IUnitOfWork
{
    public Exception? SaveFailure { get; set; }

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        log.Add("save");
        return SaveFailure is null ? Task.CompletedTask : Task.FromException(SaveFailure);
    }

    public void DiscardChanges()
    {
    }
}
