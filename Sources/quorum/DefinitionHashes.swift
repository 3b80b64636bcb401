import Foundation
import QuorumCore
import QuorumFiles

/// The definition hash of every valid workflow as the project's files last validated, filed under a key made of
/// every definition file's path and bytes. A command that only reports (`status`) compares an instance's pinned
/// hash with it instead of validating the whole project again; any change to any file changes the key, and a
/// missing or damaged file is simply not used. Commands that change the store always validate the files themselves.
struct DefinitionHashes: Codable, Equatable {
    let key: String
    let hashes: [String: String]

    static func key(of files: [String]) -> String {
        ContentHash.of(files.sorted().flatMap { [Data($0.utf8), FileManager.default.contents(atPath: $0) ?? Data()] })
    }

    /// The hashes filed in `file` under `key`, if that is what the file holds.
    static func read(_ file: String, key: String) -> DefinitionHashes? {
        guard let data = FileManager.default.contents(atPath: file),
              let stored = try? JSONDecoder().decode(DefinitionHashes.self, from: data), stored.key == key else { return nil }
        return stored
    }

    /// Keeps the hashes for the next command; a folder that cannot be written only costs that command the validation.
    func write(_ file: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}

extension DefinitionHashes {
    init(key: String, catalog: DefinitionCatalog) {
        self.init(key: key, hashes: catalog.definitions.mapValues { PinnedDefinition($0).hash })
    }
}
