import ArgumentParser
import Foundation
import Logging
import QuorumCore
import QuorumFiles
import QuorumStore
import Synchronization

/// What a command works with, each read only when first needed: the validated definitions of the project (so
/// `history`, `verify` and the list of instances never read `workflows/` or `rules/`), and the instance service over
/// the store (so commands that need no store, like `simulate`, never create one).
final class Project {
    let options: ProjectOptions
    private(set) lazy var catalog = Self.validated(options, reporting: [])
    private var opened: InstanceService?

    /// The instance service, opening (and on first use creating) the store. Commands that only read never create
    /// one: without a store there is nothing to read.
    func service(creating: Bool = false) throws -> InstanceService {
        if let opened { return opened }
        let path = options.storePath
        if kept == nil, !creating, !StoreAddress.exists(path) {
            throw CommandFailure(Messages.text(.noStore, ["path": path]), .badInput)
        }
        let actor = identity?.actor ?? options.actorName
        guard !actor.isEmpty, !actor.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CommandFailure(Messages.text(.badActor), .badInput)
        }
        var store: any InstanceStore = try kept ?? StoreAddress.open(path)
        if let anchor = options.anchorPath { store = AnchoredStore(base: store, file: anchor) }
        var service = InstanceService(store: store, actor: actor)
        let keyring = try options.keyringPath.map { try KeyringFile.read($0) }
        if let identity {
            // Every entry a server makes comes from its own account: the users themselves tell entries apart.
            service.signingKey = { [key = identity.key] in key }
            service.keyring = keyring.map(identity.keyring.merging) ?? identity.keyring
        } else {
            service.systemUser = ProjectOptions.systemUser
            service.signingKey = { try LocalKey.loadOrCreate() }
            service.keyring = keyring
        }
        opened = service
        return service
    }

    /// Who acts when `quorum serve` runs the command: the signed-in user, their key, and every user's key trusted.
    struct Identity {
        let actor: String
        let key: SigningKey
        let keyring: Keyring
    }

    let identity: Identity?
    /// The store already open, which a server keeps across requests; nil opens the one the options name.
    private let kept: (any InstanceStore)?

    init(_ options: ProjectOptions, identity: Identity? = nil, store: (any InstanceStore)? = nil) throws {
        Self.bootstrapLogging(options.logLevel)
        self.options = options
        self.identity = identity
        kept = store
    }

    static func library(_ options: ProjectOptions) -> [String] {
        DefinitionCatalog.yamlFiles(in: [options.folder("workflows"), options.folder("rules")])
    }

    var library: [String] { Self.library(options) }

    /// The project's definitions validated, problems reported for `files` (of the project's), and what was found kept
    /// for the next commands (`DefinitionHashes`), the files hashed before they are read.
    static func validated(_ options: ProjectOptions, reporting files: [String]) -> DefinitionCatalog {
        let library = library(options), hashed = DefinitionHashes.files(library, root: options.project)
        Logger(label: "quorum.project").debug("validating \(library.count) definition files")
        let catalog = DefinitionCatalog(files: files, library: library)
        DefinitionHashes.keep(catalog, files: hashed, root: options.project, in: hashesFolder(options))
        return catalog
    }

    /// Where what the last validation found is kept, an entry per workflow (`DefinitionHashes`).
    private static func hashesFolder(_ options: ProjectOptions) -> String { options.folder(".quorum/cache/definitions") }

    /// The hash of a workflow's current, valid definition (nil when it does not validate), without validating the
    /// project when the files it rests on are as they were when it last did.
    func currentHash(of workflow: String) -> String? {
        if let kept = keptHash(of: workflow) { return kept }
        return catalog.definitions[workflow].map { PinnedDefinition($0).hash }
    }

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
                throw CommandFailure(Messages.text(.workflowBlocked, ["workflow": id, "blockers": blockers.joined(separator: ", ")]), .badInput)
            }
            throw CommandFailure(Messages.text(.workflowInvalid, ["workflow": id, "file": file, "problems": renderer.render(problems)]), .badInput)
        }
        let known = catalog.workflowFiles.keys.filter { !catalog.abstractWorkflows.contains($0) }.sorted()
        let hint = Suggestion.closest(to: reference, in: known).map { Messages.text(.didYouMean, ["name": "'\($0)'"]) }
            ?? Messages.text(.runnableWorkflows, ["workflows": known.joined(separator: ", ")])
        throw CommandFailure(Messages.text(.noWorkflow, ["workflow": reference, "folder": options.folder("workflows"), "hint": hint]), .badInput)
    }

    /// The runnable workflows of the unit a workflow belongs to (same organisation, cycle and year), in the order
    /// their meetings begin, for the plan document.
    func unit(of workflow: String) throws -> [WorkflowDefinition] { catalog.unit(of: try definition(workflow)) }

    /// The current definition of the workflow an instance runs: while the files it rests on are those the last
    /// validation hashed, the definition the store keeps under the hash it found (each instance pinned to it is
    /// stored with it); otherwise, or when the store does not have it, the files validated again.
    func currentDefinition(of instance: String) throws -> WorkflowDefinition {
        let service = try service(), workflow = try service.header(instance).workflow
        if case let hash?? = keptHash(of: workflow), let kept = try service.definition(hash) { return kept }
        return try definition(workflow)
    }

    /// What the last validation found for `workflow` (nil inside when it did not validate), while the files it rests
    /// on are unchanged; nil when only a validation can tell.
    private func keptHash(of workflow: String) -> String?? {
        DefinitionHashes.read(workflow, in: Self.hashesFolder(options))?.definitionHash(library: library, root: options.project)
    }

    private static func bootstrapLogging(_ level: Logger.Level) {
        LoggingBootstrap.once(level)
    }
}

enum LoggingBootstrap {
    /// swift-log stops the program when it is set up twice, so two projects opened at once must not both set it up.
    private static let done = Mutex(false)

    static func once(_ level: Logger.Level) {
        done.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
