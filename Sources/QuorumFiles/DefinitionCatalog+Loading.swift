import QuorumCore
import Yams

extension DefinitionCatalog {
    mutating func loadCalendars(_ files: [(file: String, tree: YAMLTree)], primary: Set<String>) {
        for (file, tree) in files {
            var problems: [LocatedDiagnostic] = []
            let locations = locations(of: tree, file: file)
            if let document: CalendarDocument = Self.decode(tree, locations: locations, problems: &problems) {
                let (calendar, found) = CalendarValidator.validate(document, file: file)
                problems += found.map { Self.locate($0, in: locations) }
                if let calendar, !brokenFiles.contains(file) {
                    if self.calendar != nil {
                        problems.append(.error(at: tree["id"]?.location, code: "second-calendar"))
                    } else {
                        self.calendar = calendar
                    }
                }
            }
            if primary.contains(file) { diagnostics += reportable(problems, file: file) }
        }
    }

    /// The roster format: its fields must be the roster's; one file per project.
    mutating func loadRosterFormats(_ files: [(file: String, tree: YAMLTree)], primary: Set<String>) {
        for (file, tree) in files {
            var problems: [LocatedDiagnostic] = []
            let known = RosterFields.columns
            for key in ["columns", "values"] {
                for entry in tree[key]?.entries ?? [] where !known.contains(entry.key) {
                    problems.append(.error(at: entry.keyLocation, code: "unknown-field", ["key": entry.key],
                                           notes: Suggestion.note(for: entry.key, in: known) + [Phrase("note.fields", ["fields": known.joined(separator: ", ")])]))
                }
            }
            let columns = Dictionary(uniqueKeysWithValues: (tree["columns"]?.entries ?? []).map { ($0.key, ($0.value.items ?? []).compactMap(\.string)) })
            let values = Dictionary(uniqueKeysWithValues: (tree["values"]?.entries ?? []).map { field in
                (field.key, Dictionary(uniqueKeysWithValues: (field.value.entries ?? []).map { ($0.key, ($0.value.items ?? []).compactMap(\.string)) }))
            })
            if rosterFormat != nil {
                problems.append(.error(at: tree["id"]?.location, code: "second-roster-format"))
            } else if !problems.hasErrors, !brokenFiles.contains(file), let id = tree["id"]?.string {
                rosterFormat = RosterFormat(id: id, columns: columns, values: values)
            }
            if primary.contains(file) { diagnostics += reportable(problems, file: file) }
        }
    }

    mutating func loadRuleSets(_ files: [(file: String, tree: YAMLTree)], primary: Set<String>) {
        var seen: [String: String] = [:]
        for (file, tree) in files {
            var problems: [LocatedDiagnostic] = []
            let locations = locations(of: tree, file: file)
            if let document: RuleSetDocument = Self.decode(tree, locations: locations, problems: &problems) {
                let (ruleSet, found) = RuleSetValidator().validate(document, file: file)
                problems += found.map { Self.locate($0, in: locations) }
                if let ruleSet {
                    if let earlier = seen[ruleSet.id] {
                        problems.append(.error(at: tree["id"]?.location, code: "rule-set-id-already", ["ruleSet": ruleSet.id, "earlier": earlier]))
                    } else if brokenFiles.contains(file) {
                        // Workflows are still checked against it, so that its problems are not repeated as theirs.
                        seen[ruleSet.id] = file
                        brokenRuleSets.append(ruleSet)
                    } else {
                        seen[ruleSet.id] = file
                        ruleSets.append(ruleSet)
                    }
                }
            }
            if let id = tree["id"]?.string, !ruleSets.contains(where: { $0.id == id }), !brokenRuleSets.contains(where: { $0.id == id }) {
                unusableRuleSets.insert(id)
            }
            if primary.contains(file) { diagnostics += reportable(problems, file: file) }
        }
    }

    mutating func loadWorkflows(_ files: [(file: String, tree: YAMLTree)], primary: Set<String>) {
        var trees: [String: YAMLTree] = [:]
        for (file, tree) in files {
            guard let id = tree["id"]?.string else { continue }
            if let earlier = workflowFiles[id] {
                if primary.contains(file) {
                    diagnostics.append(.error(at: tree["id"]?.location, code: "workflow-id-already-used", ["id": id, "earlier": earlier]))
                }
                continue
            }
            workflowFiles[id] = file
            trees[id] = tree
        }
        // Decode every workflow first, then validate them so that one meeting after another workflow's step is
        // validated after that workflow.
        var decoded: [(id: String, file: String, document: WorkflowDocument, locations: [DocumentPath: SourceLocation])] = []
        for (file, tree) in files {
            guard let id = tree["id"]?.string, workflowFiles[id] == file else { continue }
            var problems: [LocatedDiagnostic] = []
            if let merged = Self.resolve(id, in: trees, problems: &problems) {
                let locations = Self.chain(of: id, in: trees).reduce(Self.locations(of: merged)) { map, other in
                    map.merging(originalLocations[workflowFiles[other] ?? ""] ?? [:]) { repaired, _ in repaired }
                }
                if let document: WorkflowDocument = Self.decode(merged, locations: locations, problems: &problems) {
                    if document.abstract == true { abstractWorkflows.insert(id) }
                    decoded.append((id, file, document, locations))
                    for (index, step) in (merged["steps"]?.items ?? []).enumerated() {
                        let path = DocumentPath.root.key("steps").index(index)
                        if let stepID = step["id"]?.string {
                            stepLocations[id, default: [:]][stepID] = locations[path.key("date")] ?? locations[path.key("after")] ?? locations[path]
                        }
                    }
                }
            }
            if primary.contains(file) { diagnostics += reportable(problems, file: file) }
        }
        let brokenSets = Set(brokenRuleSets.map(\.id))
        var times: [String: [String: MeetingTime]] = [:]
        var pending = decoded
        while !pending.isEmpty {
            let ready = pending.filter { entry in
                Self.followedWorkflows(entry.document).allSatisfy { other in other == entry.id || !pending.contains { $0.id == other } }
            }
            // Workflows that follow each other in a circle are validated anyway; their references report the problem.
            for entry in ready.isEmpty ? pending : ready {
                // Workflows known but not usable: their own problems are reported where they are written.
                let unusable = Set(workflowFiles.keys).subtracting(times.keys).subtracting(pending.map(\.id))
                let validator = WorkflowValidator(ruleSets: ruleSets + brokenRuleSets, otherTimes: times, unusableWorkflows: unusable,
                                                  unusableRuleSets: unusableRuleSets)
                let (definition, found) = validator.validate(entry.document, name: entry.file)
                let problems = found.map { Self.locate($0, in: entry.locations) }
                // What this workflow rests on that cannot be used: it does not run either, and says why.
                let blockers = Self.chain(of: entry.id, in: trees).compactMap { workflowFiles[$0] }.filter(brokenFiles.contains)
                    + [entry.document.rules].compactMap { $0 }.filter { brokenSets.contains($0) || unusableRuleSets.contains($0) }
                    + Self.followedWorkflows(entry.document).filter { unusable.contains($0) && $0 != entry.id }.sorted()
                if !blockers.isEmpty { blockedBy[entry.id] = blockers }
                if let definition, !problems.hasErrors, blockers.isEmpty {
                    definitions[entry.id] = definition
                    lineage[entry.id] = Self.chain(of: entry.id, in: trees)
                    let own = Set(lineage[entry.id]!.compactMap { workflowFiles[$0] })
                    workflowSources[entry.id] = Self.followedWorkflows(entry.document).reduce(into: own) { files, other in
                        files.formUnion(workflowSources[other] ?? Set([workflowFiles[other]].compactMap { $0 }))
                    }
                    times[entry.id] = Dictionary(definition.steps.compactMap { step in step.meets.map { (step.id, $0) } }, uniquingKeysWith: { first, _ in first })
                }
                if primary.contains(entry.file) { diagnostics += reportable(problems, file: entry.file) }
            }
            let done = Set((ready.isEmpty ? pending : ready).map(\.id))
            pending.removeAll { done.contains($0.id) }
        }
    }

    /// A workflow and the workflows it extends, nearest first.
    static func chain(of id: String, in trees: [String: YAMLTree]) -> [String] {
        var chain = [id]
        while let parent = trees[chain.last!]?["extends"]?.string, !chain.contains(parent), trees[parent] != nil { chain.append(parent) }
        return chain
    }

    /// The places of a file's values: its repaired tree's, and for a file with problems of shape, those it wrote
    /// that the repair left out, so that a later problem about them points where the first one did.
    func locations(of tree: YAMLTree, file: String) -> [DocumentPath: SourceLocation] {
        Self.locations(of: tree).merging(originalLocations[file] ?? [:]) { repaired, _ in repaired }
    }

    /// A file's problems as reported: for a file with problems of shape, without those at the places they were
    /// already reported (a value left out, then missed, is one problem).
    func reportable(_ problems: [LocatedDiagnostic], file: String) -> [LocatedDiagnostic] {
        guard brokenFiles.contains(file) else { return problems }
        return problems.filter { problem in problem.location.map { !shapeProblemPlaces.contains($0) } ?? true }
    }

    /// The other workflows whose meeting times this one's steps follow.
    static func followedWorkflows(_ document: WorkflowDocument) -> Set<String> {
        Set((document.steps ?? []).compactMap { $0.after?.workflow })
    }

    /// Follows `extends:` to the root and merges down, reporting unknown parents and cycles.
    private static func resolve(_ id: String, in workflowTrees: [String: YAMLTree], problems: inout [LocatedDiagnostic]) -> YAMLTree? {
        var chain: [String] = [id]
        var tree = workflowTrees[id]!
        while let parent = tree["extends"] {
            let parentID = parent.string ?? ""
            if chain.contains(parentID) {
                problems.append(.error(at: parent.location, code: "workflows-extend-other-cycle", ["chain": (chain + [parentID]).joined(separator: " → ")]))
                return nil
            }
            guard let parentTree = workflowTrees[parentID] else {
                problems.append(.error(at: parent.location, code: "unknown-workflow", ["parentID": parentID],
                                       notes: Suggestion.note(for: parentID, in: workflowTrees.keys)))
                return nil
            }
            chain.append(parentID)
            tree = parentTree
        }
        return chain.dropLast().reversed().reduce(workflowTrees[chain.last!]!) { merged, childID in
            WorkflowMerger.merge(merged, into: workflowTrees[childID]!)
        }
    }

    static func locations(of tree: YAMLTree) -> [DocumentPath: SourceLocation] {
        var map: [DocumentPath: SourceLocation] = [:]
        tree.locations(into: &map)
        return map
    }

    /// The location of a path, or of its nearest ancestor that was written down.
    static func locate(_ diagnostic: Diagnostic, in locations: [DocumentPath: SourceLocation]) -> LocatedDiagnostic {
        var path: DocumentPath? = diagnostic.path
        while let current = path, locations[current] == nil { path = current.parent }
        var location = path.flatMap { locations[$0] }
        if let inner = diagnostic.inner, let scalar = location, path == diagnostic.path {
            location = ExpressionLocator.locate(inner, in: scalar)
        }
        return LocatedDiagnostic(diagnostic.severity, at: location, code: diagnostic.code, saying: diagnostic.message, notes: diagnostic.notes)
    }

    static func decode<Document: Decodable>(_ tree: YAMLTree, locations: [DocumentPath: SourceLocation],
                                            problems: inout [LocatedDiagnostic]) -> Document? {
        do {
            return try YAMLDecoder().decode(Document.self, from: tree.node)
        } catch let error as DecodingError {
            let (codingPath, message) = switch error {
            case let .typeMismatch(_, context), let .valueNotFound(_, context), let .keyNotFound(_, context), let .dataCorrupted(context):
                (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(error)")
            }
            let path = DocumentPath(codingPath.map { $0.intValue.map(DocumentPath.Component.index) ?? .key($0.stringValue) })
            problems.append(locate(.error(in: "", at: path, code: "cannot-read-value", ["message": message]), in: locations))
        } catch {
            problems.append(.error(at: tree.location, code: "cannot-read-document", ["error": "\(error)"]))
        }
        return nil
    }
}
