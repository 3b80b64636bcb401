import Foundation
import QuorumCore

/// The clerk's own signing key, on their machine: `$QUORUM_SIGNING_KEY`, else `$XDG_CONFIG_HOME/quorum/signing.key`
/// (`~/.config/quorum/signing.key`). Made owner-only the first time a command writes, so every command after signs its
/// events with it. The file holds the private key in base64 after comment lines that name its public key.
enum LocalKey {
    static var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["QUORUM_SIGNING_KEY"], !path.isEmpty { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home as NSString).appendingPathComponent(".config")
        return (config as NSString).appendingPathComponent("quorum/signing.key")
    }

    /// The key, made and kept on first use.
    static func loadOrCreate() throws -> SigningKey {
        let path = path
        if FileManager.default.fileExists(atPath: path) { return try load(path) }
        let key = SigningKey()
        do {
            try PrivateFile.folder((path as NSString).deletingLastPathComponent)
            try PrivateFile.write("""
                # Quorum signing key — keep it private. Its public key, for the office's keyring:
                # \(key.publicKey)
                \(key.rawRepresentation.base64EncodedString())

                """, to: path)
        } catch {
            throw CommandFailure(Messages.text(.keyNotWritten, ["path": path, "reason": (error as NSError).localizedDescription]), .badInput)
        }
        return key
    }

    private static func load(_ path: String) throws -> SigningKey {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let line, let raw = Data(base64Encoded: line), let key = try? SigningKey(rawRepresentation: raw) else {
            throw CommandFailure(Messages.text(.badSigningKey, ["path": path]), .badInput)
        }
        return key
    }
}
