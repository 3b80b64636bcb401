import Foundation
import QuorumCore

/// Reads an office's keyring: the public keys whose signatures it trusts, each with whose key it is.
///
/// ```yaml
/// keys:
///   - key: 3Jm1cX…=          # as `quorum key show` prints it
///     name: Nguyễn Thị Hạnh, văn thư (máy VP-01)
/// ```
public enum KeyringFile {
    public static func read(_ file: String) throws(InputError) -> Keyring {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        guard let entries = tree["keys"]?.items else { throw InputError(diagnostics: [.error(at: tree.location, code: "keyring-keys")]) }
        var names: [String: String] = [:]
        for entry in entries {
            guard let key = entry["key"], let name = entry["name"]?.string, !name.isEmpty else {
                problems.append(.error(at: entry.location, code: "keyring-entry"))
                continue
            }
            guard let text = key.string, Data(base64Encoded: text)?.count == 32 else {
                problems.append(.error(at: key.location, code: "keyring-key", ["key": key.string ?? ""]))
                continue
            }
            names[text] = name
        }
        if problems.hasErrors { throw InputError(diagnostics: problems) }
        return Keyring(names)
    }
}
