import Foundation
import QuorumCore

/// The users of a shared Quorum, kept in one JSON file that only the administrator's account can read (0600),
/// changed with `quorum user add` and `quorum user disable`. Users are never removed: an event names its actor for
/// years, so a user who leaves is disabled.
public struct UserDirectory: Sendable, Equatable {
    public private(set) var users: [User] = []

    /// Passwords shorter than this are refused.
    public static let minimumPassword = 10

    public init() {}

    /// The directory in `path`; empty when there is no file yet.
    public static func load(_ path: String) throws -> UserDirectory {
        guard FileManager.default.fileExists(atPath: path) else { return UserDirectory() }
        do {
            var directory = UserDirectory()
            directory.users = try decoder.decode(Kept.self, from: Data(contentsOf: URL(fileURLWithPath: path))).users
            return directory
        } catch {
            throw AccessError.unreadableFile(path: path, reason: "\(error)")
        }
    }

    /// Writes the directory whole, owner-only: a write that fails leaves the file as it was.
    public func save(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try Self.encoder.encode(Kept(users: users)).write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// Adds a user with a new signing key sealed by their password. `knownUnits` are the units that exist.
    public mutating func add(id: String, name: String, roles: [Role], units: [String], password: String, knownUnits: Set<String>,
                             at date: Date = Date()) throws -> User {
        try check(id: id, roles: roles, units: units, knownUnits: knownUnits)
        guard password.count >= Self.minimumPassword else { throw AccessError.weakPassword(minimum: Self.minimumPassword) }
        let added = try User(id: id, name: name, roles: Array(Set(roles)).sorted(), units: units, password: password, added: date)
        users.append(added)
        return added
    }

    /// Whether a user could be added with these, before their password is asked for.
    public func check(id: String, roles: [Role], units: [String], knownUnits: Set<String>) throws {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) })
        else { throw AccessError.badUserID(id) }
        guard user(id) == nil else { throw AccessError.userExists(id) }
        guard !roles.isEmpty else { throw AccessError.noRole }
        if let unknown = units.first(where: { $0 != "*" && !knownUnits.contains($0) }) {
            throw AccessError.unknownUnit(unknown, likely: Suggestion.closest(to: unknown, in: knownUnits.sorted()))
        }
    }

    /// Disables a user: they can no longer sign in; what they did stays theirs.
    public mutating func disable(_ id: String) throws {
        guard let index = users.firstIndex(where: { $0.id == id }) else { throw unknown(id) }
        users[index].disabled = true
    }

    /// The user and their signing key, when the password is theirs and they are not disabled.
    public func signIn(_ id: String, password: String) throws -> (user: User, key: SigningKey) {
        guard let user = user(id) else {
            // As long as for a user who exists: how long a refusal takes does not tell who has an account.
            _ = try PasswordHash.make(password)
            throw AccessError.wrongPassword
        }
        guard let key = try user.unseal(with: password) else { throw AccessError.wrongPassword }
        guard !user.disabled else { throw AccessError.disabled(id) }
        return (user, key)
    }

    public func user(_ id: String) -> User? { users.first { $0.id == id } }

    /// The public keys of every user, as a keyring: their signatures are the ones a shared store trusts.
    public var keyring: Keyring { Keyring(Dictionary(users.map { ($0.publicKey, "\($0.name) (\($0.id))") }) { first, _ in first }) }

    private func unknown(_ id: String) -> AccessError { .unknownUser(id, likely: Suggestion.closest(to: id, in: users.map(\.id))) }

    private struct Kept: Codable { let users: [User] }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
