using System.CommandLine;
using AppBackend.Admin.Composition;
using AppBackend.Admin.Output;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AppBackend.Admin.Cli;

/// <summary>One command's run: its parse result, writers, configuration, and the services (built when first needed).</summary>
public sealed class AdminContext(
    ParseResult parsed,
    TextWriter output,
    TextWriter error,
    Stream? input,
    IConfiguration configuration,
    IHostEnvironment environment,
    bool json,
    bool verbose) : IAsyncDisposable
{
    private ServiceProvider? _services;

    public ParseResult Parsed { get; } = parsed;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IConfiguration Configuration { get; } = configuration;

    public IHostEnvironment Environment { get; } = environment;

    public bool Json { get; } = json;

    public IServiceProvider Services => _services ??= AdminServices.Build(Configuration, Environment, Error, verbose);

    /// <summary>Standard input, or what the caller gave in its place.</summary>
    public Stream OpenInput() => input ?? Console.OpenStandardInput();

    /// <summary>Before touching the database: it must exist and be migrated (the tool never migrates), else exit code 3.</summary>
    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        if (await DatabaseReadiness.FindProblemAsync(Services, cancellationToken) is { } problem)
        {
            throw new AdminFailure(ExitCodes.Failure, problem);
        }
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().Actor = Actors.Admin;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public Task WriteJsonAsync<T>(T value) => AdminJson.WriteAsync(Output, value);

    /// <summary>An expected refusal (not found, wrong state): its detail and code on stderr, exit code 1.</summary>
    public async Task<int> RefuseAsync(Error refusal)
    {
        await Error.WriteLineAsync($"error: {refusal.Description} [{refusal.Code}]");
        return ExitCodes.Refused;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
