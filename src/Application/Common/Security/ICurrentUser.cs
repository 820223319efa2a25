namespace AppBackend.Application.Common.Security;

/// <summary>Who is asking: the WebApi reads it from the JWT, the admin tool acts as a recruiter.</summary>
public interface ICurrentUser
{
    /// <summary>The caller's <c>sub</c> claim.</summary>
    string Subject { get; }

    /// <summary>Recruiters may do everything; candidates only touch their own applications.</summary>
    bool IsRecruiter { get; }
}
