import Crypto
import Foundation

/// The SHA-256 of several byte strings taken together, each with its length, so no two different sequences of parts
/// give the same input: the key of what was computed from exactly these files.
public enum ContentHash {
    public static func of(_ parts: [Data]) -> String {
        var hasher = SHA256()
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        return EventChain.hex(hasher.finalize())
    }
}
