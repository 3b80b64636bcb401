import Crypto
import Foundation
import QuorumCore

/// A person who signs in to a shared Quorum: an id they sign in with, their name, what they may do and where, and
/// their signing key, sealed with their password so that only they unlock it.
public struct User: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let roles: [Role]
    /// The units whose instances they may act on: workflow ids, a unit's abstract workflow standing for every track
    /// that extends it, or `*` for all.
    public let units: [String]
    public internal(set) var disabled: Bool
    public let added: Date
    /// Their Ed25519 public key, base64, as signatures and keyrings name it.
    public let publicKey: String
    let password: PasswordHash
    /// Their private key, sealed (ChaCha20-Poly1305) with the key their password unlocks.
    let sealedKey: String

    /// A new user with a new signing key, sealed with `password`.
    init(id: String, name: String, roles: [Role], units: [String], password: String, added: Date) throws {
        let (hash, unlocking) = try PasswordHash.make(password)
        let key = SigningKey()
        self.id = id
        self.name = name
        self.roles = roles
        self.units = units
        disabled = false
        self.added = Date(timeIntervalSince1970: added.timeIntervalSince1970.rounded(.down))  // as the file keeps it
        publicKey = key.publicKey
        self.password = hash
        sealedKey = try ChaChaPoly.seal(key.rawRepresentation, using: unlocking).combined.base64EncodedString()
    }

    /// Their signing key, when `password` is theirs; nil otherwise.
    func unseal(with password: String) throws -> SigningKey? {
        guard let unlocking = try self.password.unlock(password) else { return nil }
        guard let sealed = Data(base64Encoded: sealedKey) else { throw AccessError.damagedUser(id) }
        let key = try SigningKey(rawRepresentation: try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: unlocking))
        guard key.publicKey == publicKey else { throw AccessError.damagedUser(id) }
        return key
    }
}
