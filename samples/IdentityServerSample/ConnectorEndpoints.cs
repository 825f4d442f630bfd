using System.Text.Json;
using Connectors.Kit.Errors;
using Connectors.Kit.Messages;
using Connectors.Kit.Registry;

namespace IdentityServerSample;

/// <summary>The connector endpoints an identity server's admin console and sign-in flow call.</summary>
internal static class ConnectorEndpoints
{
    public static void MapConnectorEndpoints(this IEndpointRouteBuilder app)
    {
        // The admin console's connector list.
        app.MapGet("/connectors", (IConnectorRegistry registry) => registry.Connectors.Select(c => new ConnectorSummary(
            c.InstanceName, c.Metadata.Id, c.Metadata.Target, c.Type.ToString(), c.Metadata.Name.GetValueOrDefault("en") ?? c.Metadata.Id)));

        // "Send a test email" before saving: the posted config is used instead of the stored one.
        app.MapPost("/connectors/{name}/test", async (string name, TestEmailRequest body, IConnectorRegistry registry, CancellationToken cancellationToken) =>
        {
            var connector = registry.Find(name);
            if (connector is null)
            {
                return Results.NotFound(new ErrorBody(new ErrorDetail("not_found", $"No connector named '{name}'.", null, null)));
            }

            return await SendAsync(() => connector.SendMessageAsync(
                new SendMessageData { To = body.Email ?? string.Empty, Type = TemplateType.Generic, Payload = new SendMessagePayload { Code = "000000" } },
                body.Config,
                cancellationToken)).ConfigureAwait(false);
        });

        // The sign-in flow: a verification code with the stored config.
        app.MapPost("/sign-in/code", async (SignInCodeRequest body, IConnectorRegistry registry, CancellationToken cancellationToken) =>
        {
            var code = Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var connector = registry.FindByTarget("aws-ses").FirstOrDefault();
            if (connector is null)
            {
                return Results.Problem("No AWS SES connector is registered.");
            }

            return await SendAsync(() => connector.SendMessageAsync(
                new SendMessageData { To = body.Email ?? string.Empty, Type = TemplateType.SignIn, Payload = new SendMessagePayload { Code = code, Locale = body.Locale } },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        });
    }

    private static async Task<IResult> SendAsync(Func<Task<string>> send)
    {
        try
        {
            return Results.Ok(new SentBody(await send().ConfigureAwait(false)));
        }
        catch (ConnectorError error)
        {
            var status = error.Code is ConnectorErrorCode.InvalidConfig or ConnectorErrorCode.InvalidRequestParameters or ConnectorErrorCode.TemplateNotFound
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status502BadGateway;
            return Results.Json(new ErrorBody(new ErrorDetail(error.CodeString, error.Message, error.ServiceErrorType, error.RequestId)), statusCode: status);
        }
    }

    internal sealed record ConnectorSummary(string InstanceName, string ConnectorId, string Target, string Type, string Name);

    internal sealed record TestEmailRequest(string? Email, JsonElement? Config);

    internal sealed record SignInCodeRequest(string? Email, string? Locale);

    internal sealed record SentBody(string MessageId);

    internal sealed record ErrorBody(ErrorDetail Error);

    internal sealed record ErrorDetail(string Code, string Message, string? AwsErrorType, string? RequestId);
}
