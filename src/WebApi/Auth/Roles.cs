namespace AppBackend.WebApi.Auth;

public static class Roles
{
    public const string Recruiter = "recruiter";
    public const string Candidate = "candidate";
}
