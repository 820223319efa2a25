namespace AppBackend.Application.Common.Logging;

/// <summary>A message about one application: its id goes into the logging scope of everything it logs.</summary>
public interface IApplicationMessage
{
    string ApplicationId { get; }
}
