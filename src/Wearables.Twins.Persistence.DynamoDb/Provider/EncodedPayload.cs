namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>A serialized state as stored: possibly compressed, with what is needed to restore it.</summary>
/// <param name="Bytes">The stored bytes.</param>
/// <param name="Encoding"><see cref="StatePayloadCodec.Raw"/> or <see cref="StatePayloadCodec.Brotli"/>.</param>
/// <param name="RawLength">Length of the serialized state before compression.</param>
internal readonly record struct EncodedPayload(ReadOnlyMemory<byte> Bytes, string Encoding, int RawLength);
