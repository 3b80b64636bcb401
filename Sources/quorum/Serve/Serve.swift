import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuorumAccess

/// `quorum serve`: the JSON API for a province's shared store, for signed-in users (docs/serve.md).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Messages.text(.helpServe),
        discussion: """
            Users sign in with POST /api/login and send the token they get as 'Authorization: Bearer TOKEN'. Each \
            request is checked against the user's roles and units, and every change is made as that user, signed with \
            their key. Listens on 127.0.0.1 unless --host says otherwise. See docs/serve.md.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: "The users file (default: $QUORUM_USERS, else .quorum/users.json in the project folder).")
    var users: String?

    @Option(help: "The address to listen on; 0.0.0.0 listens on every network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "How many hours a sign-in lasts.")
    var sessionHours = 8

    func run() async throws {
        let usersPath = UsersOptions.path(users, project: options.project)
        LoggingBootstrap.once(min(options.logLevel, .info))  // every request is logged
        let logger = Logger(label: "quorum.serve")
        let lineage = try prepare(usersPath: usersPath)
        let api = ServedAPI(options: options, usersPath: usersPath, desk: Desk(), sessions: SessionTable(lifetime: TimeInterval(sessionHours) * 3600),
                            lineage: lineage, logger: logger)
        let router = Router(context: ServeContext.self)
        router.middlewares.add(RequestLog(logger: logger))
        api.routes(router)
        WebView(api: api).routes(router)
        let listening = Messages.text(.serveListening, ["host": host, "port": "{port}", "store": options.storePath])
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "quorum"),
                              onServerRunning: { channel in
                                  // Unbuffered: whoever started the server reads the port from this line.
                                  let line = listening.replacingOccurrences(of: "{port}", with: String(channel.localAddress?.port ?? 0))
                                  FileHandle.standardOutput.write(Data((line + "\n").utf8))
                              }, logger: logger)
        try await app.runService()
    }

    /// Refuses to serve without users, or without a store it can reach, before it listens; returns what the units
    /// cover.
    private func prepare(usersPath: String) throws -> [String: [String]] {
        var lineage: [String: [String]] = [:]
        try CommandFailure.reporting {
            guard (try UserDirectory.load(usersPath)).users.contains(where: { !$0.disabled }) else {
                throw CommandFailure(Messages.text(.serveNoUsers, ["path": usersPath]), .badInput)
            }
            let project = try Project(options)
            _ = try project.service(creating: true)
            lineage = project.catalog.lineage
        }
        return lineage
    }
}
