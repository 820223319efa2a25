// Placeholder entry point so the Web SDK project (and everything that references it) builds.
// The real composition root replaces this file.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> reference the entry point from tests.</summary>
public partial class Program;
