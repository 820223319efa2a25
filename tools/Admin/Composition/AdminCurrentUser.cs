using AppBackend.Application.Common.Security;

namespace AppBackend.Admin.Composition;

/// <summary>The admin tool acts as a recruiter: it sees and may act on every application.</summary>
public sealed class AdminCurrentUser : ICurrentUser
{
    public const string AdminSubject = "admin-cli";

    public string Subject => AdminSubject;

    public bool IsRecruiter => true;
}
