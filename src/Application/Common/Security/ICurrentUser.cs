namespace AppBackend.Application.Common.Security;

/// <summary>Who is asking: the WebApi reads it from the JWT, the admin tool acts as an operator.</summary>
public interface ICurrentUser
{
    /// <summary>The caller's <c>sub</c> claim.</summary>
    string Subject { get; }

    /// <summary>Recruiters act on their organization's interviews and applications; candidates only on their own applications.</summary>
    bool IsRecruiter { get; }

    /// <summary>The recruiter's organization (the token's <c>org</c> claim); null for a candidate.</summary>
    string? OrganizationId { get; }

    /// <summary>True only for the admin tool, which acts across every organization (contract section 4).</summary>
    bool ActsAcrossOrganizations { get; }
}
