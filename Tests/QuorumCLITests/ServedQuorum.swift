import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `quorum serve` started from the built binary in a scratch project, on a free port of 127.0.0.1, and a client
/// that speaks to it over HTTP as a browser or a script would.
final class ServedQuorum {
    let quorum: QuorumProcess
    let running: QuorumProcess.Running
    let base: URL

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var list: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
        var error: String { json["error"] as? String ?? "" }
    }

    /// Adds each user (id, roles, units; the password is the id twice) with `quorum user add`, then starts the server.
    init(_ quorum: QuorumProcess, users: [(id: String, roles: [String], units: [String])], arguments: [String] = []) throws {
        self.quorum = quorum
        for user in users {
            let add = try quorum.start(["user", "add", user.id, "--name", "Người dùng \(user.id)"] + user.roles.flatMap { ["--role", $0] }
                + user.units.flatMap { ["--unit", $0] })
            add.input(Self.password(user.id) + "\n")
            let result = add.finish()
            guard result.status == 0 else { throw Failure("user add \(user.id): \(result.errors)") }
        }
        running = try quorum.start(["serve", "--port", "0"] + arguments)
        // The first line names the port; nothing is read before the server listens.
        var line = Data()
        while let byte = try running.output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: ":").last.map({ $0.prefix { $0.isNumber } }), !port.isEmpty,
              let url = URL(string: "http://127.0.0.1:\(port)/api/") else {
            throw Failure("the server did not say where it listens: '\(text)' \(running.finish().errors)")
        }
        base = url
    }

    static func password(_ id: String) -> String { id + "-" + id + "-mật-khẩu" }

    /// Signs in and returns the token.
    func signIn(_ id: String) async throws -> String {
        let reply = try await send("POST", "login", json: ["user": id, "password": Self.password(id)])
        guard let token = reply.json["token"] as? String else { throw Failure("sign-in of \(id): \(reply.status) \(reply.text)") }
        return token
    }

    func send(_ method: String, _ path: String, token: String? = nil, json: [String: Any]? = nil, body: Data? = nil,
              language: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let language { request.setValue(language, forHTTPHeaderField: "Accept-Language") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers[String(describing: name).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    /// A sample file of the project, as a request body.
    func sample(_ relative: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: quorum.path("samples/" + relative))) }

    /// Imports the sample roster into `instance`, then for each step records its sample results as `clerk`, the
    /// body's decision when the samples hold one as `chair`, and advances as `chair`.
    func run(_ steps: [String], of instance: String, samples folder: String, clerk: String, chair: String) async throws {
        let path = "instances/\(instance)"
        var replies = [try await send("POST", "\(path)/roster?file=roster.csv", token: clerk, body: try sample("\(folder)/roster.csv"))]
        for step in steps {
            replies.append(try await send("POST", "\(path)/steps/\(step)/results", token: clerk, body: try sample("\(folder)/\(step).yaml")))
            if FileManager.default.fileExists(atPath: quorum.path("samples/\(folder)/\(step).decision.yaml")) {
                replies.append(try await send("POST", "\(path)/decisions", token: chair, body: try sample("\(folder)/\(step).decision.yaml")))
            }
            replies.append(try await send("POST", "\(path)/advance", token: chair))
        }
        if let refused = replies.first(where: { $0.status != 200 }) { throw Failure("\(refused.status) \(refused.text)") }
    }

    /// Stops the server as an operator would (SIGTERM) and returns what it logged.
    func stop() -> QuorumProcess.Result {
        running.process.terminate()
        return running.finish()
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
