namespace Wearables.Twins.Durability;

/// <summary>One record read back from the log.</summary>
/// <param name="Position">Where the record starts; positions only grow.</param>
/// <param name="NextPosition">Where the next record starts.</param>
/// <param name="Payload">The bytes that were appended.</param>
public readonly record struct LogRecord(long Position, long NextPosition, ReadOnlyMemory<byte> Payload);
