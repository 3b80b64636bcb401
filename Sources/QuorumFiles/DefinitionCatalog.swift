import Foundation
import QuorumCore
import Yams

/// Everything read from a project's `workflows/` and `rules/`: validated rule sets, runnable definitions, and every
/// problem found, located at `file:line:column`. Load, validate and (elsewhere) execute are separate phases.
public struct DefinitionCatalog: Sendable {
    public internal(set) var diagnostics: [LocatedDiagnostic] = []
    public internal(set) var ruleSets: [RuleSet] = []
    /// Runnable (non-abstract, valid) definitions by workflow id.
    public internal(set) var definitions: [String: WorkflowDefinition] = [:]
    /// The file each workflow id was read from.
    public internal(set) var workflowFiles: [String: String] = [:]
    /// For each runnable definition, the workflow files it was built and validated from: its own, those it extends,
    /// and those of the workflows its meetings follow (with theirs). Files of `rules/` are not listed: every
    /// definition rests on them all.
    public internal(set) var workflowSources: [String: Set<String>] = [:]
    public internal(set) var abstractWorkflows: Set<String> = []
    /// For each runnable definition, its id and the ids of the workflows it extends, nearest first: the units a user
    /// may be given that cover it.
    public internal(set) var lineage: [String: [String]] = [:]
    /// The working calendar, for schedule checks, when `rules/` has one.
    public internal(set) var calendar: WorkCalendar?
    /// How offices' roster files name columns and write values, when `rules/` declares it.
    public internal(set) var rosterFormat: RosterFormat?
    /// Where each workflow's steps are written, for locating schedule findings.
    public internal(set) var stepLocations: [String: [String: SourceLocation]] = [:]
    /// For a workflow that does not run although its own file has no error: the files, rule sets and workflows it
    /// rests on that have problems.
    public internal(set) var blockedBy: [String: [String]] = [:]
    /// Files with problems of shape: validated for the rest, but nothing they define is used.
    var brokenFiles: Set<String> = []
    /// Rule sets read from broken files: workflows are checked against them but do not run.
    var brokenRuleSets: [RuleSet] = []
    /// Rule sets written but not valid: workflows naming them are not reported for it, and do not run.
    var unusableRuleSets: Set<String> = []
    /// Where problems of shape were reported: a later problem at the same place has the same cause.
    var shapeProblemPlaces: Set<SourceLocation> = []
    /// The places of the values a broken file writes, including those its repaired tree leaves out.
    var originalLocations: [String: [DocumentPath: SourceLocation]] = [:]

    /// Reads `files` and reports their problems; `library` files are read only to resolve references
    /// (`extends:`, rule sets) and their own problems are not reported.
    public init(files: [String], library: [String] = []) {
        let primary = Set(files)
        let all = files + library.filter { !primary.contains($0) }
        var parsed: [(file: String, tree: YAMLTree)] = []
        for file in all {
            var problems: [LocatedDiagnostic] = []
            if let tree = Self.read(file, problems: &problems) {
                let shape = Self.isRosterFormat(tree) ? FormatShapes.rosterFormat : Self.isCalendar(tree) ? FormatShapes.calendar
                    : Self.isRuleSet(tree) ? FormatShapes.ruleSet : FormatShapes.workflow
                let (found, repaired) = ShapeChecker.checkAndRepair(tree, against: shape)
                problems += found
                // A file with problems of shape is still read (as repaired) for the problems of its meaning, but
                // nothing in it runs; what its problems already say is not said again.
                if found.hasErrors {
                    brokenFiles.insert(file)
                    shapeProblemPlaces.formUnion(found.compactMap(\.location))
                    originalLocations[file] = Self.locations(of: tree)
                }
                if let repaired { parsed.append((file, repaired)) }
            }
            if primary.contains(file) { diagnostics += problems }
        }
        loadRosterFormats(parsed.filter { Self.isRosterFormat($0.tree) }, primary: primary)
        let others = parsed.filter { !Self.isRosterFormat($0.tree) }
        loadCalendars(others.filter { Self.isCalendar($0.tree) }, primary: primary)
        loadRuleSets(others.filter { Self.isRuleSet($0.tree) }, primary: primary)
        loadWorkflows(others.filter { !Self.isRuleSet($0.tree) && !Self.isCalendar($0.tree) }, primary: primary)
        diagnostics = diagnostics.orderedUnique()
    }

    /// The `.yaml` and `.yml` files of the given files and folders, folders read recursively in name order.
    public static func yamlFiles(in paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(path)
                continue
            }
            files += yamlEntries(in: path.hasSuffix("/") ? String(path.dropLast()) : path, under: "").sorted()
                .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
        }
        return files
    }

    /// The YAML files under `folder`, as paths relative to it after `prefix`. Only names without a YAML suffix are
    /// looked at as possible folders, so a folder of many definitions costs one listing.
    private static func yamlEntries(in folder: String, under prefix: String) -> [String] {
        var found: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                found.append(prefix + name)
                continue
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                found += yamlEntries(in: folder + "/" + name, under: prefix + name + "/")
            }
        }
        return found
    }

    /// The runnable workflows of the unit a workflow belongs to (same organisation, cycle and year), in the order
    /// their meetings begin, for the plan document.
    public func unit(of anchor: WorkflowDefinition) -> [WorkflowDefinition] {
        func start(_ definition: WorkflowDefinition) -> Date { definition.steps.compactMap(\.meets).first?.instant ?? .distantFuture }
        return definitions.values.filter {
            $0.letterhead.organization == anchor.letterhead.organization && $0.cycle == anchor.cycle && $0.year == anchor.year
        }.sorted { (start($0), $0.id) < (start($1), $1.id) }
    }

    static func isRuleSet(_ tree: YAMLTree) -> Bool { tree["rules"]?.items != nil }
    static func isRosterFormat(_ tree: YAMLTree) -> Bool { tree["columns"] != nil || tree["values"] != nil }
    static func isCalendar(_ tree: YAMLTree) -> Bool { tree["holidays"] != nil || tree["working-hours"] != nil }

    /// The largest YAML file read: far beyond any definition or results file.
    static let maximumFileSize = 16 * 1_048_576

    static func read(_ file: String, problems: inout [LocatedDiagnostic]) -> YAMLTree? {
        guard let data = FileManager.default.contents(atPath: file) else {
            problems.append(.error(at: nil, code: "cannot-read-file", ["file": file]))
            return nil
        }
        return parse(data, file: file, problems: &problems)
    }

    /// YAML text read elsewhere (a request's body), its problems located in `file`.
    static func parse(_ data: Data, file: String, problems: inout [LocatedDiagnostic]) -> YAMLTree? {
        guard data.count <= maximumFileSize else {
            problems.append(.error(at: SourceLocation(file: file, line: 1, column: 1),
                                   code: "file-too-large", ["size": data.count / 1_048_576, "limit": maximumFileSize / 1_048_576]))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "file-not-utf-text"))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "file-empty"))
                return nil
            }
            return try YAMLTree(node, file: file)
        } catch is YAMLTree.TooLarge {
            problems.append(.error(at: SourceLocation(file: file, line: 1, column: 1),
                                   code: "document-expands-more-values", ["maximumValues": YAMLTree.maximumValues]))
            return nil
        } catch let error as YamlError {
            problems.append(YAMLErrorLocator.diagnostic(for: error, file: file))
            return nil
        } catch {
            problems.append(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "cannot-read-yaml", ["error": "\(error)"]))
            return nil
        }
    }
}
