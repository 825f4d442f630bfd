using Connectors.AwsSes.Ses.Model;
using Connectors.Kit.Errors;

namespace Connectors.AwsSes.Ses;

/// <summary>The narrow seam between the connector and the SES v2 API.</summary>
internal interface ISesClient
{
    /// <summary>Sends an email with SES v2 <c>SendEmail</c>.</summary>
    /// <returns>The SES message id.</returns>
    /// <exception cref="ConnectorError">SES refused the email or could not be reached.</exception>
    Task<string> SendEmailAsync(SesConnectionSettings connection, SendEmailRequest request, CancellationToken cancellationToken);

    /// <summary>Reads the account's sending state and quota with SES v2 <c>GetAccount</c>.</summary>
    /// <exception cref="ConnectorError">SES refused the call or could not be reached.</exception>
    Task<GetAccountResponse> GetAccountAsync(SesConnectionSettings connection, CancellationToken cancellationToken);
}
