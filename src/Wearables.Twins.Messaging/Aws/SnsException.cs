namespace Wearables.Twins.Messaging.Aws;

/// <summary>SNS answered a Query request with an error (its code, e.g. <c>NotFound</c>, and message).</summary>
public sealed class SnsException : Exception
{
    public SnsException()
    {
    }

    public SnsException(string message)
        : base(message)
    {
    }

    public SnsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnsException(string code, string message, int statusCode)
        : base($"SNS {code} ({statusCode}): {message}")
    {
        Code = code;
        StatusCode = statusCode;
    }

    public string? Code { get; }

    public int StatusCode { get; }
}
