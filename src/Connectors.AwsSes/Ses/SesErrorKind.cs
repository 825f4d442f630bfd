namespace Connectors.AwsSes.Ses;

/// <summary>How the client treats a failed attempt.</summary>
internal enum SesErrorKind
{
    /// <summary>Final: retrying cannot help.</summary>
    Final,

    /// <summary>Throttled: retry after the long back-off.</summary>
    Throttling,

    /// <summary>Transient (5xx, timeout, connection failure): retry after the short back-off.</summary>
    Transient,

    /// <summary>The signature was refused because our clock is off: correct the clock and retry at once.</summary>
    ClockSkew,
}
