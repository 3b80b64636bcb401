import Crypto
import Foundation

/// A signature on an event's hash by the key of whoever ran the command that appended it. The last event of each
/// command is signed; through the chain its hash covers every event before it, so one signature vouches for the
/// history up to there. Kept beside the event, outside the hash it signs.
public struct EventSignature: Sendable, Equatable, Codable {
    /// The signer's Ed25519 public key, base64.
    public let signer: String
    /// The Ed25519 signature of the event's hash (its 64 hex digits as UTF-8), base64.
    public let value: String

    public init(signer: String, value: String) {
        self.signer = signer
        self.value = value
    }

    /// Whether this is the signer's signature of `hash`.
    public func verifies(_ hash: String) -> Bool {
        guard let key = Data(base64Encoded: signer), let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key),
              let signature = Data(base64Encoded: value) else { return false }
        return publicKey.isValidSignature(signature, for: Data(hash.utf8))
    }

    /// The signer's key as people compare it: the first 16 hex digits of its SHA-256.
    public var fingerprint: String { Self.fingerprint(of: signer) }

    public static func fingerprint(of publicKey: String) -> String {
        String(EventChain.hex(SHA256.hash(data: Data(base64Encoded: publicKey) ?? Data(publicKey.utf8))).prefix(16))
    }
}

/// The Ed25519 key a command signs its events with: a clerk's own, kept on their machine.
public struct SigningKey: Sendable {
    /// The private key's 32 bytes (CryptoKit's key type is not `Sendable`; it is made again to sign).
    public let rawRepresentation: Data
    /// The public key, base64, as signatures and keyrings name it.
    public let publicKey: String

    /// A new key.
    public init() { self.init(Curve25519.Signing.PrivateKey()) }

    public init(rawRepresentation: Data) throws { self.init(try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)) }

    private init(_ key: Curve25519.Signing.PrivateKey) {
        rawRepresentation = key.rawRepresentation
        publicKey = key.publicKey.rawRepresentation.base64EncodedString()
    }

    public func sign(_ hash: String) throws -> EventSignature {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
        return EventSignature(signer: publicKey, value: try key.signature(for: Data(hash.utf8)).base64EncodedString())
    }
}
