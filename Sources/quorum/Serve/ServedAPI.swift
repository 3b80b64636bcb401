import Foundation
import Hummingbird
import Logging
import QuorumAccess
import QuorumCore
import QuorumFiles
import QuorumReports
import QuorumStore

/// The JSON API of `quorum serve`: what the command line does, for signed-in users, each request checked against
/// the user's roles and units, and every change made as that user, signed with their key. Routes are listed in
/// docs/serve.md.
struct ServedAPI: Sendable {
    let options: ProjectOptions
    let usersPath: String
    let desk: Desk
    let sessions: SessionTable
    /// Each runnable workflow with the workflows it extends, read when the server starts: the units that cover it.
    let lineage: [String: [String]]
    let logger: Logger

    /// The largest request body read: far beyond any step's results.
    static let maximumBody = 4 * 1_048_576

    func routes(_ router: Router<ServeContext>) {
        let api = router.group("api")
        api.post("login", use: login)
        api.post("logout") { request, _ in
            if let token = Self.token(request) { await sessions.close(token) }
            return Response(status: .noContent)
        }
        api.get("instances") { request, _ in
            try await act(request, .view) { project, user in
                try project.service().standings().filter { user.acts(in: lineage(of: $0.header.workflow)) }.map { standing in
                    InstanceSummary(instance: standing.header.id, workflow: standing.header.workflow, createdAt: standing.header.createdAt,
                                    currentStep: standing.currentStep, finished: standing.finished)
                }
            }
        }
        api.post("instances", use: start)
        api.get("instances/{id}") { request, context in
            let id = try context.parameters.require("id")
            return try await act(request, .view, on: id) { project, _ in try StatusReport(id, project: project) }
        }
        api.get("instances/{id}/history") { request, context in
            let id = try context.parameters.require("id")
            return try await act(request, .view, on: id) { project, _ in try project.service().load(id).events }
        }
        api.get("instances/{id}/verify") { request, context in
            let id = try context.parameters.require("id")
            let expected = request.uri.queryParameters["expect"].map(String.init)
            return try await act(request, .view, on: id) { project, _ in
                let service = try project.service()
                let (problem, chain) = try service.verification(id, expectedHead: expected, decoding: DoubleEntryAudit.cases)
                return VerificationReport(instance: id, problem: problem, chain: chain, expected: expected, keyring: service.keyring)
            }
        }
        api.get("timetable") { request, _ in
            try await act(request, .view) { project, user in
                let mine = project.catalog.definitions.values.filter { user.acts(in: lineage(of: $0.id)) }.sorted { $0.id < $1.id }
                let (timetable, warnings, deadlines) = Schedule.plan(mine, project: project)
                return ScheduleReport(timetable, project: project, warnings: warnings, deadlines: deadlines)
            }
        }
        api.post("instances/{id}/steps/{step}/results") { request, context in try await enter(request, context, correcting: false) }
        api.post("instances/{id}/steps/{step}/corrections") { request, context in try await enter(request, context, correcting: true) }
        api.post("instances/{id}/decisions", use: decide)
        api.post("instances/{id}/roster", use: importRoster)
        api.post("instances/{id}/advance") { request, context in
            let id = try context.parameters.require("id")
            return try await act(request, .advance, on: id) { project, _ in try Self.advance(id, project: project) }
        }
        api.get("instances/{id}/reports") { request, context in try await report(request, context) }
    }

    // MARK: Signing in

    struct Credentials: Decodable, Sendable {
        let user: String
        let password: String
    }

    struct SignedIn: Encodable, Sendable {
        let token: String
        let expires: Date
        let user: String
        let name: String
        let roles: [Role]
        let units: [String]
    }

    @Sendable func login(_ request: Request, _ context: ServeContext) async throws -> Response {
        let credentials = try await request.decode(as: Credentials.self, context: context)
        return try APIResponse.json(try await signIn(credentials, from: context.clientAddress, request: request))
    }

    /// Checks a user's password, unless too many sign-ins failed lately for them or from their address, and opens a
    /// session for them.
    func signIn(_ credentials: Credentials, from address: String, request: Request, language: Language? = nil) async throws -> SignedIn {
        if let until = await sessions.refusedUntil(user: credentials.user, address: address) {
            let seconds = max(1, Int(until.timeIntervalSinceNow.rounded(.up)))
            throw try await atDesk(request, language) { APIFailure(.tooManyRequests, Messages.text(.serveThrottled, ["minutes": (seconds + 59) / 60]), retryAfter: seconds) }
        }
        let usersPath = usersPath
        let outcome = try await atDesk(request, language) { () -> Result<(User, SigningKey), APIFailure> in
            do {
                return .success(try UserDirectory.load(usersPath).signIn(credentials.user, password: credentials.password))
            } catch {
                return .failure(APIFailure(error))
            }
        }
        switch outcome {
        case .success(let (user, key)):
            let (token, expires) = await sessions.open(user: user.id, key: key)
            logger.info("signed in", metadata: ["user": .string(user.id), "client": .string(address)])
            return SignedIn(token: token, expires: expires, user: user.id, name: user.name, roles: user.roles, units: user.units)
        case .failure(let failure):
            await sessions.failed(user: credentials.user, address: address)
            logger.notice("sign-in refused", metadata: ["client": .string(address)])
            throw failure
        }
    }

    /// The session token: `Authorization: Bearer TOKEN` from a script, or the web view's cookie.
    static func token(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            return String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        }
        return request.cookies[WebView.cookie]?.value
    }

    // MARK: Acting

    /// Runs `work` at the desk for the signed-in user, once their roles allow `action` (and, for an instance, once
    /// they act in its unit), as that user: the project's service acts and signs as them. Any refusal is answered
    /// as the command line words it.
    private func act(_ request: Request, _ action: Action, on instance: String? = nil,
                     _ work: @escaping @Sendable (Project, User) throws -> some Encodable) async throws -> Response {
        APIResponse.json(try await perform(request, action, on: instance) { project, user in try Output.encoded(try work(project, user)) })
    }

    func perform<T: Sendable>(_ request: Request, _ action: Action, on instance: String? = nil, language: Language? = nil,
                              _ work: @escaping @Sendable (Project, User) throws -> T) async throws -> T {
        guard let token = Self.token(request), let session = await sessions.session(token) else {
            throw try await atDesk(request, language) { APIFailure(.unauthorized, Messages.text(.serveSignIn)) }
        }
        let (options, usersPath, desk) = (options, usersPath, desk)
        let result = try await atDesk(request, language) { () -> Result<T, APIFailure> in
            do {
                let users = try UserDirectory.load(usersPath)
                guard let user = users.user(session.user), !user.disabled else { return .failure(APIFailure(.unauthorized, Messages.text(.serveSignIn))) }
                let project = try Project(options, identity: .init(actor: user.id, key: session.key, keyring: users.keyring),
                                          store: try desk.store(options.storePath))
                guard user.may(action) else { return .failure(Self.forbidden(user, action, instance: instance)) }
                if let instance {
                    let workflow = try project.service().header(instance).workflow
                    guard user.acts(in: self.lineage(of: workflow)) else { return .failure(Self.forbidden(user, action, instance: instance)) }
                }
                return .success(try work(project, user))
            } catch {
                if case StoreError.unreachable = error { desk.lostStore() }
                return .failure(APIFailure(error, instance: instance))
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure):
            if failure.status == .unauthorized { await sessions.close(user: session.user) }
            throw failure
        }
    }

    /// Runs `work` at the desk, its messages in `language` when given (the web view's Vietnamese), else in the one the
    /// request asks for (`Accept-Language`: its first language Quorum speaks), else the server's.
    func atDesk<T: Sendable>(_ request: Request, _ language: Language? = nil, _ work: @escaping @Sendable () -> T) async throws -> T {
        let asked = language ?? (request.headers[.acceptLanguage] ?? "").split(separator: ",").lazy
            .compactMap { Language(rawValue: String($0.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter }).lowercased()) }.first
        return try await desk.run { Messages.speaking(asked ?? Messages.language, work) }
    }

    func lineage(of workflow: String) -> [String] { lineage[workflow] ?? [workflow] }

    /// 403, naming what the user may not do and what they may.
    static func forbidden(_ user: User, _ action: Action, instance: String?) -> APIFailure {
        APIFailure(.forbidden, Messages.text(.serveForbidden, [
            "user": user.id, "roles": user.roles.map(\.rawValue).joined(separator: ", "), "action": Messages.text(action.messageKey),
            "instance": instance ?? "—", "units": user.units.joined(separator: ", "),
            "needs": action.roles.subtracting([.administrator]).sorted().map(\.rawValue).joined(separator: ", "),
        ]))
    }

    // MARK: Commands

    struct Started: Encodable, Sendable {
        let instance: String
        let currentStep: String?
    }

    struct StartRequest: Decodable, Sendable {
        let workflow: String
        var another: Bool?
    }

    @Sendable func start(_ request: Request, _ context: ServeContext) async throws -> Response {
        let wanted = try await request.decode(as: StartRequest.self, context: context)
        return try await act(request, .start) { project, user in
            let definition = try project.definition(wanted.workflow)
            guard user.acts(in: lineage(of: definition.id)) else { throw Self.forbidden(user, .start, instance: nil) }
            let state = try project.service(creating: true).start(definition, another: wanted.another ?? false)
            return Started(instance: state.id, currentStep: state.currentStep)
        }
    }

    struct Entered: Encodable, Sendable {
        let message: String
        let warnings: [String]
        var changes: [String]?
    }

    /// Records a step's results, or corrects them: the body is a results document (YAML or JSON, as a results file
    /// holds them); `entry`, `run-off`, `note`, `out-of-order` and, for a correction, `reason` are query parameters.
    private func enter(_ request: Request, _ context: ServeContext, correcting: Bool) async throws -> Response {
        let id = try context.parameters.require("id"), step = try context.parameters.require("step")
        let query = request.uri.queryParameters
        let entry = query["entry"].flatMap { Int(String($0)) }, runOff = query["run-off"] == "true"
        let note = query["note"].map(String.init), outOfOrder = query["out-of-order"].map(String.init), reason = query["reason"].map(String.init) ?? ""
        let body = Data(buffer: try await request.body.collect(upTo: Self.maximumBody))
        return try await act(request, correcting ? .correct(entry: entry) : .record(entry: entry), on: id) { project, _ in
            var record = try ResultSheetReader.read(yaml: body, named: "request", step: step).record
            record.runOff = runOff
            record.note = note ?? record.note
            record.outOfOrder = outOfOrder ?? record.outOfOrder
            return try Self.enter(record, entry: entry, in: id, correcting: correcting ? reason : nil, project: project)
        }
    }

    /// Records results read from a request (the API's body, the web view's form), or corrects them for `reason`.
    static func enter(_ read: StepRecord, entry: Int?, in id: String, correcting reason: String? = nil, project: Project) throws -> Entered {
        var record = read
        record.entry = entry
        record.source = nil
        let definition = try project.currentDefinition(of: id), service = try project.service()
        let what = ResultInput.what(entry: entry, runOff: record.runOff)
        guard let reason else {
            let warnings = try service.record(record, in: id, current: definition)
            return Entered(message: Messages.text(.recorded, ["what": what, "step": record.step, "instance": id, "source": ""]),
                           warnings: warnings.map(RefusalText.problem))
        }
        let (previous, warnings) = try service.correct(record, in: id, reason: reason, current: definition)
        let loaded = try service.load(id)
        let changes = previous.differences(from: loaded.state.results[record.step]?.record ?? record)
        return Entered(message: Messages.text(.corrected, ["what": what, "step": record.step, "instance": id, "reason": reason]),
                       warnings: warnings.map(RefusalText.problem),
                       changes: changes.map { RefusalText.change($0, label: loaded.directory.label, correction: true) })
    }

    struct Imported: Encodable, Sendable {
        let people: Int
        let warnings: [String]
    }

    /// A roster file as the body, its name (`roster.csv`, `.xlsx`, `.yaml`) in the `file` query parameter. It is read
    /// from a private folder that is removed afterwards; its problems are located in the file as named.
    @Sendable func importRoster(_ request: Request, _ context: ServeContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let name = URL(fileURLWithPath: request.uri.queryParameters["file"].map(String.init) ?? "roster.csv").lastPathComponent
        let body = Data(buffer: try await request.body.collect(upTo: Self.maximumBody))
        return try await act(request, .importRoster, on: id) { project, _ in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-upload-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(name).path
            try body.write(to: URL(fileURLWithPath: file))
            do {
                let read = try RosterReader.read(file, format: project.catalog.rosterFormat)
                try project.service().importRoster(read.roster, into: id, current: try project.currentDefinition(of: id))
                var renderer = DiagnosticRenderer()
                return Imported(people: read.roster.people.count,
                                warnings: read.warnings.map { renderer.render($0).replacingOccurrences(of: folder.path + "/", with: "") })
            } catch let error as InputError {
                throw APIFailure(.unprocessableContent, CommandFailure.message(error, instance: id).replacingOccurrences(of: folder.path + "/", with: ""))
            }
        }
    }

    struct Decided: Encodable, Sendable {
        let lines: [String]
    }

    /// The body's decisions, as a decision file holds them: `TITLE: { choose: [names], reason: … }`.
    @Sendable func decide(_ request: Request, _ context: ServeContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = Data(buffer: try await request.body.collect(upTo: Self.maximumBody))
        return try await act(request, .decide, on: id) { project, _ in try Self.decide(body, named: "request", in: id, project: project) }
    }

    /// Records the body's decisions read from a request (the API's body, the web view's form).
    static func decide(_ text: Data, named name: String, in id: String, project: Project) throws -> Decided {
        let entries = try DecisionSheet.read(yaml: text, named: name).entries
        let service = try project.service()
        let payloads = try service.decide(entries, in: id, current: try project.currentDefinition(of: id))
        return Decided(lines: Decide.lines(payloads, directory: try service.load(id).directory))
    }

    struct Advanced: Encodable, Sendable {
        let decision: StepDecision
        let lines: [String]
    }

    /// Decides the current step and moves on, explaining each verdict, then the final list once the procedure ends.
    static func advance(_ id: String, project: Project) throws -> Advanced {
        let definition = try project.currentDefinition(of: id)
        // Worded on another core, in the language of the request or command.
        let language = Messages.language
        let (advanced, lines) = try project.service().advanced(id, current: definition) { decision, directory in
            Messages.speaking(language) { DecisionText.lines(decision, in: definition, directory: directory) }
        }
        return Advanced(decision: advanced.decision, lines: lines + DecisionText.finalList(advanced.state, in: definition, directory: advanced.directory))
    }

    /// An official record to download: `step` for its minutes (`paper=ballot` or `paper=tally` for its papers), none
    /// for the submission; `format` html (the default), pdf (printed by headless Chromium on the server), docx or md.
    /// `language`: the web view's Vietnamese; the API's messages follow `Accept-Language`.
    @Sendable func report(_ request: Request, _ context: ServeContext, language: Language? = nil) async throws -> Response {
        let id = try context.parameters.require("id")
        let query = request.uri.queryParameters
        let step = query["step"].map(String.init), paper = query["paper"].map(String.init)
        let format = query["format"].map(String.init) ?? "html"
        guard let chosen = Report.Format(rawValue: format) else {
            throw try await atDesk(request, language) { APIFailure(.unprocessableContent, Messages.text(.serveFormats, ["format": format])) }
        }
        let file = try await perform(request, .view, on: id, language: language) { project, _ in
            let loaded = try project.service().load(id)
            let source = ReportSource(instance: id, definition: loaded.definition, events: loaded.events, state: loaded.state, format: nil)
            let documents = try Report.documents(source, step: step, ballotPaper: paper == "ballot", tallySheet: paper == "tally")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(UUID().uuidString).\(chosen.rawValue)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Report.write(documents, as: chosen, to: path)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return APIResponse.document(file, type: Self.contentTypes[chosen] ?? "application/octet-stream",
                                    filename: "\(id)\(step.map { "-\($0)" } ?? "").\(chosen.rawValue)")
    }

    private static let contentTypes: [Report.Format: String] = [
        .html: "text/html; charset=utf-8", .md: "text/markdown; charset=utf-8", .pdf: "application/pdf",
        .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
}

extension Action {
    var messageKey: MessageKey {
        switch self {
        case .view: .serveActionView
        case .start: .serveActionStart
        case .record(let entry): entry == 2 ? .serveActionSecondEntry : .serveActionRecord
        case .correct: .serveActionCorrect
        case .importRoster: .serveActionRoster
        case .decide: .serveActionDecide
        case .advance: .serveActionAdvance
        }
    }
}
