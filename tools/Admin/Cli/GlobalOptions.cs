using System.CommandLine;
using AppBackend.Infrastructure.Persistence;

namespace AppBackend.Admin.Cli;

/// <summary>Options every command takes (they may stand before or after the command's name).</summary>
public sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON (the API's camelCase shapes, timestamps ISO-8601 UTC) instead of tables.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log what happens, and print the full exception of an unexpected failure.",
        Recursive = true,
    };

    public Option<string[]> Config { get; } = new("--config", "-c")
    {
        Description = "A configuration setting KEY=VALUE, as the WebApi reads it (repeatable), e.g. --config AI_BACKEND_URL=http://127.0.0.1:5090",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "KEY=VALUE",
    };

    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "Database:Provider, sqlite or postgres.",
        Recursive = true,
    };

    public Option<string> Connection { get; } = new("--connection")
    {
        Description = "ConnectionStrings:Default, the database's connection string.",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Provider.AcceptOnlyFromAmong(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);
        Config.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var separator = token.Value.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    // The value is not echoed: it may be a secret given without its key.
                    result.AddError("--config takes KEY=VALUE; one of the values given has no KEY= in front.");
                }
            }
        });
    }

    public void AddTo(Command root)
    {
        root.Options.Add(Json);
        root.Options.Add(Verbose);
        root.Options.Add(Config);
        root.Options.Add(Provider);
        root.Options.Add(Connection);
    }

    /// <summary>The settings given on the command line, in the order they override each other.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Settings(ParseResult parsed)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        foreach (var pair in parsed.GetValue(Config) ?? [])
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            settings.Add(new(pair[..separator].Trim(), pair[(separator + 1)..]));
        }

        if (parsed.GetValue(Provider) is { } provider)
        {
            settings.Add(new($"{DatabaseOptions.SectionName}:Provider", provider));
        }

        if (parsed.GetValue(Connection) is { } connection)
        {
            settings.Add(new("ConnectionStrings:Default", connection));
        }

        return settings;
    }
}
