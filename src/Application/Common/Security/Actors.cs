namespace AppBackend.Application.Common.Security;

/// <summary>Who or what made a change, as the application's history names it (contract section 1).</summary>
public static class Actors
{
    /// <summary>The AI backend, through the webhook.</summary>
    public const string AiBackend = "ai-backend";

    /// <summary>The monitor worker: polling silent jobs and alerting on stuck ones.</summary>
    public const string Poller = "poller";

    /// <summary>The dispatch worker, recording the AI backend's answer to a dispatch.</summary>
    public const string Dispatcher = "dispatcher";

    /// <summary>The admin command line.</summary>
    public const string Admin = "admin";

    /// <summary>Work that none of the above started (never expected in a running deployment).</summary>
    public const string System = "system";

    public static string Of(ICurrentUser user) => user.IsRecruiter ? Recruiter(user.Subject) : Candidate(user.Subject);

    public static string Candidate(string subject) => $"candidate:{subject}";

    public static string Recruiter(string subject) => $"recruiter:{subject}";
}
