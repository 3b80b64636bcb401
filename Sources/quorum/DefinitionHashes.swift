import Foundation
import QuorumCore
import QuorumFiles

/// What the last validation of the project found about one workflow: its definition hash (none when it did not
/// validate) and the hash of each file that answer rests on — its own file, those it extends or follows, and
/// `rules/` (every file, for a workflow that did not validate). A command hashes those files alone and believes the
/// kept answer while they are unchanged and the project lists the same files (`status` to say whether the YAML
/// changed, commands on an instance to take the definition the store keeps under that hash); anything else, or a
/// missing or damaged entry, costs a validation. Each workflow has a file of its own, so a command reads one,
/// however many workflows the project has.
struct DefinitionHashes: Codable, Equatable {
    /// The hash of the project's list of definition files.
    let listing: String
    let definition: String?
    /// The hash of each file's bytes, by its path in the project's folder (`rules/hd-06-2017.yaml`): the project
    /// named another way (`.`, its full path) is the same project.
    let files: [String: String]

    static func hash(ofFile path: String) -> String { ContentHash.of([FileManager.default.contents(atPath: path) ?? Data()]) }

    /// The hash of the list of `library`'s files, by their paths in the project's folder `root`.
    static func listing(_ library: [String], root: String) -> String { listing(of: library.map { relative($0, to: root) }) }

    private static func listing(of paths: [String]) -> String { ContentHash.of(paths.sorted().map { Data($0.utf8) }) }

    /// The hash of each of `library`'s files as it is now, by its path in `root`. Taken before the files are
    /// validated: a file changed in between then differs from its kept hash, and the next command validates again.
    static func files(_ library: [String], root: String) -> [String: String] {
        Dictionary(library.map { (relative($0, to: root), hash(ofFile: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The current definition hash (nil inside when the workflow does not validate), when these hashes can tell.
    func definitionHash(library: [String], root: String) -> String?? {
        guard listing == Self.listing(library, root: root),
              files.allSatisfy({ Self.hash(ofFile: Self.prefix(root) + $0.key) == $0.value }) else { return nil }
        return .some(definition)
    }

    /// What comes before a path in the project's folder `root`, as `ProjectOptions.folder` joins them.
    private static func prefix(_ root: String) -> String { String((root as NSString).appendingPathComponent("_").dropLast()) }

    /// `path` from the project's folder `root`: every definition file is in it.
    private static func relative(_ path: String, to root: String) -> String {
        let prefix = prefix(root)
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Where a workflow's entry is kept in `folder`: named by a hash of the id, whatever characters the id has.
    static func entry(_ workflow: String, in folder: String) -> String {
        folder + "/" + ContentHash.of([Data(workflow.utf8)]) + ".json"
    }

    static func read(_ workflow: String, in folder: String) -> DefinitionHashes? {
        FileManager.default.contents(atPath: entry(workflow, in: folder)).flatMap { try? JSONDecoder().decode(DefinitionHashes.self, from: $0) }
    }

    /// Keeps what `catalog` found in the files hashed as `files` (by their paths in `root`), an entry per workflow; a
    /// folder that cannot be written only costs the next command a validation.
    static func keep(_ catalog: DefinitionCatalog, files: [String: String], root: String, in folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let listing = listing(of: Array(files.keys))
        let workflowFiles = Set(catalog.workflowFiles.values.map { relative($0, to: root) })
        let rules = files.filter { !workflowFiles.contains($0.key) }
        for workflow in catalog.workflowFiles.keys {
            let definition = catalog.definitions[workflow]
            let sources = catalog.workflowSources[workflow, default: []].map { relative($0, to: root) }
            let rests = definition == nil ? files : rules.merging(sources.map { ($0, files[$0] ?? "") }) { kept, _ in kept }
            let kept = DefinitionHashes(listing: listing, definition: definition.map { PinnedDefinition($0).hash }, files: rests)
            kept.write(entry(workflow, in: folder))
        }
    }

    func write(_ file: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
