namespace AppBackend.Admin;

/// <summary>The tool's exit codes, for scripts.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Refused or not found: the reason (the problem's detail) is on stderr.</summary>
    public const int Refused = 1;

    /// <summary>Bad arguments, or configuration the command cannot work with.</summary>
    public const int Usage = 2;

    /// <summary>Anything unexpected: the database cannot be reached, a dependency failed. One line on stderr.</summary>
    public const int Failure = 3;
}
