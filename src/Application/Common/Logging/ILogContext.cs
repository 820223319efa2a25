namespace AppBackend.Application.Common.Logging;

/// <summary>The innermost logging scope of the message being handled, for ids a handler learns on the way.</summary>
public interface ILogContext
{
    void Set(string name, string? value);
}
