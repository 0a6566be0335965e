namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// One patient's way from sample to email. <see cref="Acked"/> is this process's clock when the 202 arrived;
/// <see cref="Queued"/> and <see cref="EmailLogged"/> are the host's own log stamps; <see cref="SmtpReceived"/> is
/// smtp4dev's. All are UTC on the same machine's clock.
/// </summary>
internal sealed record EpisodeTiming(
    NotifyPatient Patient,
    DateTimeOffset Posted,
    DateTimeOffset Acked,
    string? RecommendationId,
    DateTimeOffset? Queued,
    DateTimeOffset? SmtpReceived,
    DateTimeOffset? EmailLogged,
    int Emails,
    IReadOnlyList<string> OtherKinds)
{
    /// <summary>
    /// When the SMTP server accepted the mail, as closely as it can be seen from outside: smtp4dev stamps
    /// <c>receivedDate</c> as it stores the mail after its 250, the worker logs "sent" after the 250 and its ledger
    /// write; both come after the acceptance, so the earlier of the two is the tighter bound.
    /// </summary>
    public DateTimeOffset? SmtpAccepted => SmtpReceived is { } received && EmailLogged is { } logged
        ? (received <= logged ? received : logged)
        : SmtpReceived ?? EmailLogged;

    /// <summary>Whether smtp4dev's stamp (rather than the worker's log line) bounded the acceptance.</summary>
    public bool AcceptedBySmtpStamp => SmtpReceived is { } received && (EmailLogged is not { } logged || received <= logged);

    public double PostToAck => Milliseconds(Posted, Acked)!.Value;

    public double? AckToQueue => Milliseconds(Acked, Queued);

    public double? QueueToSmtp => Milliseconds(Queued, SmtpAccepted);

    public double? AckToSmtp => Milliseconds(Acked, SmtpAccepted);

    /// <summary>The worker's "sent" line minus smtp4dev's stamp: how far the two observers of the acceptance disagree.</summary>
    public double? LoggedMinusReceived => Milliseconds(SmtpReceived, EmailLogged);

    private static double? Milliseconds(DateTimeOffset? from, DateTimeOffset? to)
        => from is { } a && to is { } b ? (b - a).TotalMilliseconds : null;
}
