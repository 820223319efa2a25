using AppBackend.Application.Common.Security;

namespace AppBackend.Admin.Composition;

/// <summary>The admin tool acts as an operator: it sees and may act on every application of every organization.</summary>
public sealed class AdminCurrentUser : ICurrentUser
{
    public const string AdminSubject = "admin-cli";

    public string Subject => AdminSubject;

    public bool IsRecruiter => true;

    public string? OrganizationId => null;

    public bool ActsAcrossOrganizations => true;
}
