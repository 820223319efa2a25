namespace AppBackend.Application.Common.Logging;

/// <summary>A message about one AI job: its id goes into the logging scope of everything it logs.</summary>
public interface IJobMessage
{
    string? JobId { get; }
}
