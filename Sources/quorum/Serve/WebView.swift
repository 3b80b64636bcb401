import Foundation
import HTTPTypes
import Hummingbird
import QuorumAccess
import QuorumCore
import QuorumFiles

/// The web view of `quorum serve`, in Vietnamese, for people who do not use a terminal: pages rendered on the server
/// from the templates in templates/web/ (built into the binary), with no script and nothing fetched from elsewhere.
/// Every page does what the API does, through it: the same checks, the same refusals, the same messages.
struct WebView: Sendable {
    let api: ServedAPI

    /// The cookie that holds a signed-in browser's session token: sent back only to this server, never to scripts.
    static let cookie = "quorum_session"

    func routes(_ router: Router<ServeContext>) {
        router.get("static/quorum.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: WebTemplates.file("quorum.css"))))
        }
        router.get("login") { _, _ in try await page("login", [:], status: .ok) }
        router.post("login", use: signIn)
        router.post("logout") { request, _ in
            if let token = ServedAPI.token(request) { await api.sessions.close(token) }
            var response = Response.redirect(to: "/login")
            response.setCookie(Cookie(name: Self.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/") { request, _ in
            try await show(request) { project, user in
                let standings = try project.service().standings().filter { user.acts(in: api.lineage(of: $0.header.workflow)) }
                let rows = try standings.map { standing -> [String: Any] in
                    let id = standing.header.id
                    let report = standing.finished ? nil : try StatusReport(id, project: project, remedies: false)
                    var row: [String: Any] = ["id": id, "workflow": standing.header.workflow, "step": standing.currentStep ?? Messages.text(.instanceEnded),
                                              "done": standing.finished ? Messages.text(.instanceEnded) : "—"]
                    if let needed = report?.needed { row["blocking"] = needed }
                    return row
                }
                return ("instances", ["instances": rows, "anyInstances": !rows.isEmpty])
            }
        }
        router.get("timetable") { request, _ in
            try await show(request) { project, user in
                let mine = project.catalog.definitions.values.filter { user.acts(in: api.lineage(of: $0.id)) }.sorted { $0.id < $1.id }
                let (timetable, warnings, _) = Schedule.plan(mine, project: project)
                var renderer = DiagnosticRenderer()
                let meetings = timetable.meetings.map { meeting -> [String: Any] in
                    ["when": "\(meeting.start.weekday) \(meeting.start.display)", "minutes": meeting.step.minutes, "workflow": meeting.workflow.id,
                     "step": meeting.step.name, "body": "\(meeting.body.name) (\(meeting.body.totalMembers))", "place": meeting.step.place ?? ""]
                }
                let worded = warnings.map { renderer.render($0) }
                return ("timetable", ["meetings": meetings, "warnings": worded, "anyWarnings": !worded.isEmpty])
            }
        }
        router.get("instances/{id}") { request, context in
            let id = try context.parameters.require("id")
            return try await show(request, on: id) { project, user in ("instance", try instancePage(id, project: project, user: user)) }
        }
        router.get("instances/{id}/history") { request, context in
            let id = try context.parameters.require("id")
            return try await show(request, on: id) { project, _ in ("history", try historyPage(id, project: project)) }
        }
        router.get("instances/{id}/reports") { request, context in
            do {
                return try await api.report(request, context, language: .vi)
            } catch let failure as APIFailure {
                if failure.status == .unauthorized { return .redirect(to: "/login") }
                return try await page("error", ["problem": failure.message], status: failure.status)
            }
        }
        router.post("instances/{id}/results", use: record)
        router.post("instances/{id}/decisions", use: decide)
        router.post("instances/{id}/advance", use: advance)
    }

    // MARK: Pages

    /// The instance's status, each decision explained, its records, and the forms the user's roles allow.
    private func instancePage(_ id: String, project: Project, user: User, entered: [String: Any] = [:]) throws -> [String: Any] {
        let report = try StatusReport(id, project: project, remedies: false)
        let loaded = try project.service().load(id)
        let directory = loaded.directory
        var values: [String: Any] = [
            "id": id, "status": report.lines, "finished": report.finished,
            "decisions": loaded.state.decisions.map { decision -> [String: Any] in
                ["step": decision.step, "lines": DecisionText.lines(decision, in: loaded.definition, directory: directory)]
            },
            "anyDecisions": !loaded.state.decisions.isEmpty,
        ]
        if let stepID = loaded.state.currentStep, let step = loaded.definition.step(stepID) {
            if user.may(.record(entry: 1)) || user.may(.record(entry: 2)) {
                let chosen = entered["entry"] as? Int ?? (user.may(.record(entry: 1)) ? 1 : 2)
                values["record"] = [
                    "step": stepID, "doubleEntry": step.doubleEntry, "results": entered["results"] as? String ?? "",
                    "entries": [1, 2].filter { user.may(.record(entry: $0)) }.map { ["value": $0, "label": "Lần nhập \($0)", "chosen": $0 == chosen] },
                ] as [String: Any]
            }
            if user.may(.decide) { values["decide"] = ["decision": entered["decision"] as? String ?? ""] }
            if user.may(.advance) { values["advance"] = true }
        }
        return values
    }

    /// The verification of the chain, as `quorum verify` words it, then every event as `quorum history` lists it.
    private func historyPage(_ id: String, project: Project) throws -> [String: Any] {
        let service = try project.service()
        let (problem, chain) = try service.verification(id, decoding: DoubleEntryAudit.cases)
        var verification: [String]
        if let problem {
            verification = [Messages.text(.verifyFailed, ["instance": id, "problem": RefusalText.chain(problem)])]
        } else {
            let head = chain.links.last
            verification = [Messages.text(.verified, ["instance": id, "count": chain.links.count, "sequence": head?.sequence ?? 0, "hash": head?.hash ?? "—", "holds": ""])]
            verification += Signer.all(in: chain, keyring: service.keyring).map { signer in
                Messages.text(.signedBy, ["fingerprint": signer.fingerprint, "name": signer.name ?? Messages.text(.signedByUnknown),
                                          "count": signer.signatures, "sequence": signer.lastSequence])
            }
            verification += DoubleEntryAudit.sameUser(chain.events).map { "⚠ " + Verify.sameUser($0) }
        }
        // A history that does not verify is not shown: nothing is reported from it.
        guard problem == nil else { return ["id": id, "verification": verification, "events": [Any]()] }
        let loaded = try service.load(id)
        let events = loaded.events.map { event -> [String: Any] in
            ["sequence": event.sequence, "at": Messages.timestamp(event.at), "actor": event.actor,
             "summary": History.summary(event.payload, label: loaded.directory.label)]
        }
        return ["id": id, "verification": verification, "events": events]
    }

    // MARK: Signing in

    @Sendable func signIn(_ request: Request, _ context: ServeContext) async throws -> Response {
        let form = try await Self.form(ServedAPI.Credentials.self, from: request)
        do {
            let signedIn = try await api.signIn(form, from: context.clientAddress, request: request, language: .vi)
            var redirect = Response.redirect(to: "/")
            redirect.setCookie(Cookie(name: Self.cookie, value: signedIn.token, maxAge: Int(api.sessions.lifetime), path: "/", httpOnly: true,
                                      sameSite: .strict))
            return redirect
        } catch let failure as APIFailure {
            return try await page("login", ["problem": failure.message, "userID": form.user], status: failure.status)
        }
    }

    // MARK: Changes

    struct ResultsForm: Decodable {
        let csrf: String
        let step: String
        let results: String
        var entry: Int?
    }

    /// Records the results typed in the form, as `quorum record` would record them from a file.
    @Sendable func record(_ request: Request, _ context: ServeContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.form(ResultsForm.self, from: request)
        return try await change(request, form.csrf, .record(entry: form.entry), on: id, keeping: ["results": form.results, "entry": form.entry as Any]) { project, _ in
            let record = try ResultSheetReader.read(yaml: Data(form.results.utf8), named: "kết quả", step: form.step).record
            let entered = try ServedAPI.enter(record, entry: form.entry, in: id, project: project)
            return ([entered.message] + entered.warnings).joined(separator: "\n")
        }
    }

    struct DecisionForm: Decodable {
        let csrf: String
        let decision: String
    }

    @Sendable func decide(_ request: Request, _ context: ServeContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.form(DecisionForm.self, from: request)
        return try await change(request, form.csrf, .decide, on: id, keeping: ["decision": form.decision]) { project, _ in
            try ServedAPI.decide(Data(form.decision.utf8), named: "quyết định", in: id, project: project).lines.joined(separator: "\n")
        }
    }

    struct PlainForm: Decodable { let csrf: String }

    @Sendable func advance(_ request: Request, _ context: ServeContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await Self.form(PlainForm.self, from: request)
        return try await change(request, form.csrf, .advance, on: id) { project, _ in
            try ServedAPI.advance(id, project: project).lines.joined(separator: "\n")
        }
    }

    /// Makes a change for the signed-in user after checking the form came from this server's own page, then shows
    /// the instance again: with what was done (once), or with the refusal and what the user typed, nothing stored.
    private func change(_ request: Request, _ formToken: String, _ action: Action, on id: String, keeping typed: [String: Any] = [:],
                        _ work: @escaping @Sendable (Project, User) throws -> String) async throws -> Response {
        guard let token = ServedAPI.token(request), let session = await api.sessions.session(token) else { return .redirect(to: "/login") }
        guard formToken == session.formToken else {
            return try await page("error", ["problem": try await api.atDesk(request, .vi) { Messages.text(.serveStaleForm) }], status: .forbidden)
        }
        let kept = Kept(typed)
        do {
            let notice = try await api.perform(request, action, on: id, language: .vi) { project, user in try work(project, user) }
            await api.sessions.leave(notice, for: token)
            return .redirect(to: "/instances/\(id)")
        } catch let failure as APIFailure {
            if failure.status == .unauthorized { return .redirect(to: "/login") }
            return try await show(request, on: id, status: failure.status, problem: failure.message) { project, user in
                ("instance", try instancePage(id, project: project, user: user, entered: kept.values))
            }
        }
    }

    /// What the user typed, carried to the page that shows it again.
    private struct Kept: @unchecked Sendable {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
    }

    // MARK: Rendering

    /// A page for the signed-in user, who may view `instance` (or the list): rendered at the desk, in Vietnamese.
    private func show(_ request: Request, on instance: String? = nil, status: HTTPResponse.Status = .ok, problem: String? = nil,
                      _ build: @escaping @Sendable (Project, User) throws -> (String, [String: Any])) async throws -> Response {
        var said: String?, form: String?
        if let token = ServedAPI.token(request) {
            form = await api.sessions.session(token)?.formToken
            if problem == nil { said = await api.sessions.takeNotice(token) }
        }
        let (notice, formToken) = (said, form)
        do {
            let html = try await api.perform(request, .view, on: instance, language: .vi) { project, user in
                var (template, values) = try build(project, user)
                values["user"] = ["id": user.id, "name": user.name, "roles": user.roles.map(\.rawValue).joined(separator: ", ")]
                values["csrf"] = formToken ?? ""
                if let notice { values["notice"] = notice }
                if let problem { values["problem"] = problem }
                return WebTemplates.render(template, values)
            }
            return Self.html(html, status: status)
        } catch let failure as APIFailure {
            if failure.status == .unauthorized { return .redirect(to: "/login") }
            return try await page("error", ["problem": failure.message], status: failure.status)
        }
    }

    /// A page that needs no signed-in user (signing in, a refusal).
    private func page(_ template: String, _ values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let kept = Kept(values)
        let html = try await api.desk.run { WebTemplates.render(template, kept.values) }
        return Self.html(html, status: status)
    }

    private static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        // Nothing of another origin: no scripts, styles, fonts or frames.
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; script-src 'none'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func form<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let body = try await request.body.collect(upTo: ServedAPI.maximumBody)
        return try URLEncodedFormDecoder().decode(type, from: String(buffer: body))
    }
}
