using IdentityServerSample;

var builder = WebApplication.CreateBuilder(args);

// Loopback only unless --urls says otherwise: this is a sample, not a server to expose.
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");

// One connector from the "Connectors:AwsSes" section (a Logto config as is), validated at start.
builder.Services.AddAwsSesConnector(builder.Configuration);
builder.Services.AddHealthChecks().AddAwsSes();

var app = builder.Build();
app.MapConnectorEndpoints();
app.MapHealthChecks("/health");
await app.RunAsync().ConfigureAwait(false);
