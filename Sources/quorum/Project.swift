import ArgumentParser
import Foundation
import Logging
import QuorumCore
import QuorumFiles
import QuorumStore

/// What a command works with: the validated definitions of the project and, opened only when first needed, the
/// instance service over the store (so commands that need no store, like `simulate`, never create one).
final class Project {
    let options: ProjectOptions
    let catalog: DefinitionCatalog
    private var opened: InstanceService?

    /// The instance service, opening (and on first use creating) the store. Commands that only read never create
    /// one: without a store there is nothing to read.
    func service(creating: Bool = false) throws -> InstanceService {
        if let opened { return opened }
        let path = options.storePath
        if !creating, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("there is no store at \(path) yet, so no instance to read; start one with 'quorum start WORKFLOW'"
                + " (or give the store with --store or QUORUM_STORE)", .badInput)
        }
        let actor = options.actorName
        guard !actor.isEmpty, !actor.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CommandFailure("the actor must be a name without control characters", .badInput)
        }
        var store: any InstanceStore = try SQLiteInstanceStore(path: path)
        if let anchor = options.anchorPath { store = AnchoredStore(base: store, file: anchor) }
        var service = InstanceService(store: store, actor: actor)
        service.systemUser = ProjectOptions.systemUser
        opened = service
        return service
    }

    init(_ options: ProjectOptions) throws {
        Self.bootstrapLogging(options.logLevel)
        self.options = options
        catalog = DefinitionCatalog(files: [], library: Self.library(options))
    }

    static func library(_ options: ProjectOptions) -> [String] {
        DefinitionCatalog.yamlFiles(in: [options.folder("workflows"), options.folder("rules")])
    }

    var library: [String] { Self.library(options) }

    /// The current, valid definition of a workflow by id or by file path; explains why when there is none.
    func definition(_ reference: String) throws -> WorkflowDefinition {
        let id = catalog.workflowFiles.first { $0.value == reference || URL(fileURLWithPath: $0.value).standardized.path
            == URL(fileURLWithPath: reference).standardized.path }?.key ?? reference
        if let definition = catalog.definitions[id] { return definition }
        if catalog.abstractWorkflows.contains(id) { throw EngineError.abstractWorkflow(id) }
        if let file = catalog.workflowFiles[id] {
            var renderer = DiagnosticRenderer()
            let problems = DefinitionCatalog(files: [file], library: library).diagnostics.filter { $0.severity == .error }
            if problems.isEmpty, let blockers = catalog.blockedBy[id] {
                throw CommandFailure("workflow '\(id)' cannot run until what it rests on validates: \(blockers.joined(separator: ", "))"
                    + " (quorum validate shows the problems)", .badInput)
            }
            throw CommandFailure("workflow '\(id)' does not validate; fix these problems first (quorum validate \(file)):\n"
                + renderer.render(problems), .badInput)
        }
        let known = catalog.workflowFiles.keys.filter { !catalog.abstractWorkflows.contains($0) }.sorted()
        throw CommandFailure("no workflow '\(reference)' in \(options.folder("workflows"))"
            + (Suggestion.closest(to: reference, in: known).map { "; did you mean '\($0)'?" } ?? "; runnable workflows: \(known.joined(separator: ", "))"), .badInput)
    }

    /// The runnable workflows of the unit a workflow belongs to (same organisation, cycle and year), in the order
    /// their meetings begin, for the plan document.
    func unit(of workflow: String) throws -> [WorkflowDefinition] { catalog.unit(of: try definition(workflow)) }

    /// The current definition of the workflow an instance runs.
    func currentDefinition(of instance: String) throws -> WorkflowDefinition {
        try definition(try service().load(instance).state.workflow)
    }

    private static func bootstrapLogging(_ level: Logger.Level) {
        LoggingBootstrap.once(level)
    }
}

enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false

    static func once(_ level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
