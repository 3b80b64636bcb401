import Foundation

/// Records and calendars hold personal data (names, ratings, discipline): they are written owner-only (0600), in
/// folders created owner-only (0700), whatever the umask.
enum PrivateFile {
    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try restrict(path)
    }

    static func restrict(_ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    static func folder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
