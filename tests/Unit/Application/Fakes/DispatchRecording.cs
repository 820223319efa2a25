using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>The recording step of a dispatch over an <see cref="InMemoryDatabase"/>, as the tests of its callers need it.</summary>
internal static class DispatchRecording
{
    /// <summary>A batch recorder whose answers the <paramref name="database"/> saves, one <see cref="DispatchRecorder"/> deciding them.</summary>
    public static DispatchAnswerBatchRecorder Batch(InMemoryDatabase database, TimeProvider clock, IRequestContext requestContext, IAnalysisMetrics metrics)
    {
        var recorder = new DispatchRecorder(
            database.DispatchQueue,
            database.JobApplications,
            database.AlertOutbox,
            new OptimisticUpdate(database),
            metrics,
            new LogContext(requestContext),
            Options.Create(new AnalysisTimingOptions()),
            clock,
            NullLogger<DispatchApplicationCommandHandler>.Instance);
        return new DispatchAnswerBatchRecorder(database.JobApplications, database.DispatchQueue, database, recorder);
    }
}
