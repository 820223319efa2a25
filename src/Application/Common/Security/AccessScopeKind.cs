namespace AppBackend.Application.Common.Security;

public enum AccessScopeKind
{
    /// <summary>Every organization: the admin tool, and the AI pipeline (webhook, poller, dispatcher, alerter).</summary>
    Everything,

    /// <summary>One organization's interviews and applications: a recruiter.</summary>
    Organization,

    /// <summary>Any interview by its id (the invite link), and only the applications the caller created: a candidate.</summary>
    Owner,
}
