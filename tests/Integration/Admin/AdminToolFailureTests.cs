using System.Text;
using AppBackend.Infrastructure.Security;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AppBackend.IntegrationTests.Admin;

/// <summary>The admin tool's exit codes when the command line, the configuration or the database is wrong.</summary>
public sealed class AdminToolFailureTests
{
    private static readonly Dictionary<string, string?> Testing = new() { ["ASPNETCORE_ENVIRONMENT"] = "Testing" };

    /// <summary>Testing with the media signing key every view needs (uploads get signed URLs), so the database is what fails.</summary>
    private static readonly Dictionary<string, string?> TestingWithMediaKey = Testing.With("Media:SigningKey", TestSecrets.MediaSigningKey);

    [Fact]
    public async Task Run_WithoutACommand_ExitsWithTwo()
    {
        var run = await AdminTool.RunAsync(Testing);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("Required command was not provided");
    }

    [Theory]
    [InlineData("applications", "frobnicate")]
    [InlineData("applications", "list", "--older-than", "ten minutes")]
    [InlineData("applications", "list", "--older-than", "10")]
    [InlineData("applications", "list", "--provider", "oracle")]
    [InlineData("applications", "show")]
    [InlineData("token", "--role", "admin", "--sub", "x")]
    [InlineData("token", "--role", "recruiter")]
    [InlineData("token", "--role", "recruiter", "--sub", "x", "--lifetime", "0s")]
    [InlineData("applications", "list", "--config", "no-equals-sign")]
    public async Task Run_WithABadCommandLine_ExitsWithTwo(params string[] args)
    {
        var run = await AdminTool.RunAsync(Testing, args);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("error: ");
    }

    [Fact]
    public async Task List_WhenTheSqliteFileDoesNotExist_ExitsWithThreeAndCreatesNoFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"appbackend-admin-missing-{Guid.NewGuid():N}.db");

        var run = await AdminTool.RunAsync(TestingWithMediaKey, "applications", "list", "--provider", "sqlite", "--connection", $"Data Source={path}");

        run.ExitCode.Should().Be(3, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(path).And.Contain("does not exist");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task Show_WhenPostgresCannotBeReached_ExitsWithThreeInOneLineWithoutSecrets()
    {
        var settings = TestingWithMediaKey
            .With("Database:Provider", "postgres")
            .With("ConnectionStrings:Default", $"Host=127.0.0.1;Port={FreeTcpPort.Pick()};Database=nowhere;Username=admin;Password=pg-secret-do-not-print;Timeout=5");

        var run = await AdminTool.RunAsync(settings, "applications", "show", "some-id");
        var verbose = await AdminTool.RunAsync(settings, "applications", "show", "some-id", "--verbose");

        run.ExitCode.Should().Be(3, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("error: The database cannot be reached");
        run.Stderr.Should().NotContain("   at ").And.NotContain("pg-secret-do-not-print");
        verbose.ExitCode.Should().Be(3, verbose.ToString());
        verbose.Stderr.Should().Contain("   at ", "--verbose shows the exception in full").And.NotContain("pg-secret-do-not-print");
    }

    [Fact]
    public async Task Token_OutsideDevelopmentWithoutASigningKey_ExitsWithTwo()
    {
        var run = await AdminTool.RunAsync(Testing, "token", "--role", "recruiter", "--sub", "rita");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("Auth:SigningKey");
    }

    [Fact]
    public async Task Token_InDevelopmentWithoutASigningKey_IsSignedWithTheDevelopmentKey()
    {
        var settings = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Auth:SigningKey"] = null };

        var run = await AdminTool.RunAsync(settings, "token", "--role", "candidate", "--sub", "cand-7", "--lifetime", "1h");

        run.ExitCode.Should().Be(0, run.ToString());
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(run.Stdout.Trim(), new TokenValidationParameters
        {
            ValidIssuer = "appbackend",
            ValidAudience = "appbackend-api",
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AuthOptions.DevelopmentSigningKey)),
        });
        validated.IsValid.Should().BeTrue(validated.Exception?.Message);
        validated.Claims["sub"].Should().Be("cand-7");
        validated.Claims["role"].Should().Be("candidate");
        validated.Claims.Should().NotContainKey("org");
    }

    [Fact]
    public async Task Token_InDevelopmentForARecruiterWithoutOrg_IsInTheDevOrganization()
    {
        var settings = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Auth:SigningKey"] = null };

        var run = await AdminTool.RunAsync(settings, "token", "--role", "recruiter", "--sub", "rita", "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Json().GetProperty("org").GetString().Should().Be("dev-org");
        new JsonWebToken(run.Json().GetProperty("accessToken").GetString()).GetClaim("org").Value.Should().Be("dev-org");
    }

    [Fact]
    public async Task Token_WhenAnAuthorityIsConfigured_ExitsWithOne()
    {
        var settings = Testing.With("Auth:Authority", "https://login.example.com/").With("Auth:SigningKey", TestTokens.SigningKey);

        var run = await AdminTool.RunAsync(settings, "token", "--role", "recruiter", "--sub", "rita");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task WebhookSign_FromStandardInput_SignsTheExactBytesWithTheFirstSecret()
    {
        var settings = Testing.With("AI_CALLBACK_SECRET", $"{TestSecrets.CallbackSecret}, a-second-secret-for-rotation-0123456789");
        var body = "{\"jobId\":\"bull-1\",\"status\":\"done\"}\n";
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(body));

        var run = await AdminTool.RunAsync(settings, stdin, "webhook", "sign", "-");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(WebhookCalls.HexSignature(body) + Environment.NewLine, "the trailing newline is part of the body");
        run.Stdout.Should().NotContain(TestSecrets.CallbackSecret);
    }

    [Fact]
    public async Task WebhookSign_WithoutACallbackSecretOutsideDevelopment_ExitsWithTwo()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = await AdminTool.RunAsync(Testing.With("AI_CALLBACK_SECRET", null), "webhook", "sign", file);

            run.ExitCode.Should().Be(2, run.ToString());
            run.Stderr.Should().Contain("AI_CALLBACK_SECRET");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WebhookSign_WhenTheFileDoesNotExist_ExitsWithTwo()
    {
        var run = await AdminTool.RunAsync(Testing.With("AI_CALLBACK_SECRET", TestSecrets.CallbackSecret), "webhook", "sign", "/nonexistent/body.json");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("/nonexistent/body.json");
    }
}
