namespace Connectors.Kit.Messages;

/// <summary>
/// The usage types of a verification or notification email, as Logto's <c>TemplateType</c>.
/// </summary>
/// <remarks>On the wire (config <c>usageType</c>, tags, CLI) each value is written by its name, e.g. <c>SignIn</c>.</remarks>
public enum TemplateType
{
    /// <summary>A sign-in verification code.</summary>
    SignIn,

    /// <summary>A registration verification code.</summary>
    Register,

    /// <summary>A password reset code.</summary>
    ForgotPassword,

    /// <summary>An invitation to an organization.</summary>
    OrganizationInvitation,

    /// <summary>Any other verification; also the fallback template.</summary>
    Generic,

    /// <summary>A code that confirms a user's permission for a sensitive action.</summary>
    UserPermissionValidation,

    /// <summary>A code that verifies a new identifier being bound to the account.</summary>
    BindNewIdentifier,

    /// <summary>A multi-factor authentication code.</summary>
    MfaVerification,

    /// <summary>A code that verifies a new MFA factor being bound.</summary>
    BindMfa,
}
