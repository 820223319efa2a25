namespace AppBackend.WebApi.Auth;

public static class Policies
{
    /// <summary>Any known role: recruiters and candidates.</summary>
    public const string ApiUser = "api-user";

    public const string Recruiter = "recruiter";
}
