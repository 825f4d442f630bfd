using System.Diagnostics.CodeAnalysis;

namespace Connectors.Kit.Messages;

/// <summary>Parses and names <see cref="TemplateType"/> values as Logto writes them.</summary>
public static class TemplateTypes
{
    /// <summary>Gets every usage type, in Logto's order.</summary>
    public static IReadOnlyList<TemplateType> All { get; } =
    [
        TemplateType.SignIn,
        TemplateType.Register,
        TemplateType.ForgotPassword,
        TemplateType.OrganizationInvitation,
        TemplateType.Generic,
        TemplateType.UserPermissionValidation,
        TemplateType.BindNewIdentifier,
        TemplateType.MfaVerification,
        TemplateType.BindMfa,
    ];

    /// <summary>Gets the usage types a configuration must always provide a template for.</summary>
    public static IReadOnlyList<TemplateType> Required { get; } =
    [
        TemplateType.Register,
        TemplateType.SignIn,
        TemplateType.ForgotPassword,
        TemplateType.Generic,
    ];

    /// <summary>Gets the wire name of <paramref name="type"/>, e.g. <c>SignIn</c>.</summary>
    /// <param name="type">The usage type.</param>
    /// <returns>The name Logto uses.</returns>
    public static string ToWireName(this TemplateType type) => type switch
    {
        TemplateType.SignIn => "SignIn",
        TemplateType.Register => "Register",
        TemplateType.ForgotPassword => "ForgotPassword",
        TemplateType.OrganizationInvitation => "OrganizationInvitation",
        TemplateType.Generic => "Generic",
        TemplateType.UserPermissionValidation => "UserPermissionValidation",
        TemplateType.BindNewIdentifier => "BindNewIdentifier",
        TemplateType.MfaVerification => "MfaVerification",
        TemplateType.BindMfa => "BindMfa",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown template type."),
    };

    /// <summary>Parses a wire name exactly (case-sensitive, as Logto).</summary>
    /// <param name="name">The name, e.g. <c>SignIn</c>.</param>
    /// <param name="type">The parsed type.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of the nine names.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out TemplateType type)
    {
        switch (name)
        {
            case "SignIn": type = TemplateType.SignIn; return true;
            case "Register": type = TemplateType.Register; return true;
            case "ForgotPassword": type = TemplateType.ForgotPassword; return true;
            case "OrganizationInvitation": type = TemplateType.OrganizationInvitation; return true;
            case "Generic": type = TemplateType.Generic; return true;
            case "UserPermissionValidation": type = TemplateType.UserPermissionValidation; return true;
            case "BindNewIdentifier": type = TemplateType.BindNewIdentifier; return true;
            case "MfaVerification": type = TemplateType.MfaVerification; return true;
            case "BindMfa": type = TemplateType.BindMfa; return true;
            default: type = default; return false;
        }
    }
}
