import Foundation
import Testing

/// `quorum serve` run as an office would run it: users added with `quorum user add`, the server started from the
/// built binary, and every request sent over HTTP. Each user may do only what their roles allow in their units, every
/// change is theirs and signed with their key, and a double entry needs two of them.
@Suite(.serialized)
struct ServeEndToEndTests {
    static let instance = "lanh-dao-so-tnmt-2021-1"
    static let users: [(id: String, roles: [String], units: [String])] = [
        ("chu.toa", ["chair"], ["*"]),
        // The department's own workflow, which the track extends, stands for the track.
        ("thu.ky", ["clerk"], ["so-tai-nguyen-moi-truong-2021"]),
        ("thu.ky.hai", ["second-clerk"], ["lanh-dao-so-tnmt-2021"]),
        ("xem", ["viewer"], ["*"]),
        ("thu.ky.van.phong", ["clerk"], ["chanh-van-phong-2021"]),
        ("quan.tri", ["administrator"], ["*"]),
    ]

    @Test func aProcedureIsRunThroughTheAPIByUsersInTheirRoles() async throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let server = try ServedQuorum(quorum, users: Self.users)
        let chair = try await server.signIn("chu.toa"), clerk = try await server.signIn("thu.ky"), second = try await server.signIn("thu.ky.hai")
        let viewer = try await server.signIn("xem"), outsider = try await server.signIn("thu.ky.van.phong")
        let path = "instances/\(Self.instance)"

        #expect(try await server.send("GET", "instances").status == 401)
        let started = try await server.send("POST", "instances", token: chair, json: ["workflow": "lanh-dao-so-tnmt-2021"])
        #expect(started.status == 200, "\(started.text)")
        #expect(started.json["instance"] as? String == Self.instance)
        #expect(try await server.send("POST", "instances", token: clerk, json: ["workflow": "lanh-dao-so-tnmt-2021"]).status == 403)

        // Each role is refused what it may not do, saying what it would need, in the language asked for.
        let viewing = try await server.send("POST", "\(path)/steps/buoc-1/results", token: viewer, body: try server.sample("lanh-dao-so-tnmt-2021/buoc-1.yaml"))
        #expect(viewing.status == 403)
        #expect(viewing.error.contains("user xem (viewer) may not enter results (first entry)") && viewing.error.contains("needs the role clerk"))
        let inVietnamese = try await server.send("POST", "\(path)/advance", token: clerk, language: "vi-VN,vi;q=0.9")
        #expect(inVietnamese.status == 403)
        #expect(inVietnamese.error.contains("người dùng thu.ky (clerk) không được chuyển bước"))
        let elsewhere = try await server.send("POST", "\(path)/steps/buoc-1/results", token: outsider, body: try server.sample("lanh-dao-so-tnmt-2021/buoc-1.yaml"))
        #expect(elsewhere.status == 403)
        #expect(elsewhere.error.contains("units: chanh-van-phong-2021"))
        #expect(try await server.send("GET", "instances", token: outsider).list.isEmpty)
        #expect(try await server.send("GET", "instances", token: viewer).list.map { $0["instance"] as? String } == [Self.instance])

        // Results that are not a results document are pointed at, line and column, as a file would be.
        let broken = try await server.send("POST", "\(path)/steps/buoc-1/results", token: clerk, body: Data("present: [14\n".utf8))
        #expect(broken.status == 422)
        #expect(broken.error.contains("request:"), "\(broken.text)")

        let roster = try await server.send("POST", "\(path)/roster?file=roster.csv", token: clerk, body: try server.sample("lanh-dao-so-tnmt-2021/roster.csv"))
        #expect(roster.status == 200, "\(roster.text)")
        #expect((roster.json["people"] as? Int ?? 0) > 0)
        for step in ["buoc-1", "buoc-2"] {
            let recorded = try await server.send("POST", "\(path)/steps/\(step)/results", token: clerk, body: try server.sample("lanh-dao-so-tnmt-2021/\(step).yaml"))
            #expect(recorded.status == 200, "\(recorded.text)")
            if step == "buoc-2" {
                #expect(try await server.send("POST", "\(path)/decisions", token: clerk, body: try server.sample("lanh-dao-so-tnmt-2021/buoc-2.decision.yaml")).status == 403)
                let decided = try await server.send("POST", "\(path)/decisions", token: chair, body: try server.sample("lanh-dao-so-tnmt-2021/buoc-2.decision.yaml"))
                #expect(decided.status == 200, "\(decided.text)")
            }
            let advanced = try await server.send("POST", "\(path)/advance", token: chair, language: step == "buoc-1" ? "vi-VN,vi;q=0.9" : "en")
            #expect(advanced.status == 200, "\(advanced.text)")
            // The verdicts are worded on a second core, in the language the request asked for.
            let lines = advanced.json["lines"] as? [String] ?? []
            #expect(lines.contains { $0.contains(step == "buoc-1" ? "tối đa" : "(cap ") }, "\(lines)")
        }

        // The double entry of step 3: the first clerk, then a second entry that disagrees, then one that agrees.
        let first = try server.sample("lanh-dao-so-tnmt-2021/buoc-3.yaml"), agreeing = try server.sample("lanh-dao-so-tnmt-2021/buoc-3.entry-2.yaml")
        let disagreeing = Data(String(decoding: agreeing, as: UTF8.self).replacingOccurrences(of: "Mạc Thị Hương: 12", with: "Mạc Thị Hương: 9").utf8)
        #expect(try await server.send("POST", "\(path)/steps/buoc-3/results?entry=2", token: clerk, body: agreeing).status == 403)
        #expect(try await server.send("POST", "\(path)/steps/buoc-3/results?entry=1", token: second, body: first).status == 403)
        #expect(try await server.send("POST", "\(path)/steps/buoc-3/results?entry=1", token: clerk, body: first).status == 200)
        #expect(try await server.send("POST", "\(path)/steps/buoc-3/results?entry=2", token: second, body: disagreeing).status == 200)
        let refused = try await server.send("POST", "\(path)/advance", token: chair)
        #expect(refused.status == 409)
        #expect(refused.error.contains("Mạc Thị Hương") && refused.error.contains("entry 1 = 12, entry 2 = 9"), "\(refused.text)")
        #expect(try await server.send("POST", "\(path)/steps/buoc-3/results?entry=2", token: second, body: agreeing).status == 200)
        #expect(try await server.send("POST", "\(path)/advance", token: chair).status == 200)

        #expect(try await server.send("POST", "\(path)/steps/buoc-4/results", token: clerk, body: try server.sample("lanh-dao-so-tnmt-2021/buoc-4.yaml")).status == 200)
        let last = try await server.send("POST", "\(path)/advance", token: chair)
        #expect(last.status == 200, "\(last.text)")
        #expect((last.json["lines"] as? [String] ?? []).contains { $0.contains("Vương Thị Thảo") })

        // The minutes of step 3 to download, in Vietnamese.
        let minutes = try await server.send("GET", "\(path)/reports?step=buoc-3", token: viewer)
        #expect(minutes.status == 200)
        #expect(minutes.headers["content-disposition"]?.contains("\(Self.instance)-buoc-3.html") == true)
        #expect(minutes.text.contains("BIÊN BẢN") && minutes.text.contains("Mạc Thị Hương"))
        let word = try await server.send("GET", "\(path)/reports?format=docx", token: viewer)
        #expect(word.status == 200 && word.body.starts(with: Data("PK".utf8)))
        if QuorumProcess.requireTools || FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") {
            let printed = try await server.send("GET", "\(path)/reports?step=buoc-4&format=pdf", token: viewer)
            #expect(printed.status == 200 && printed.body.starts(with: Data("%PDF".utf8)), "\(printed.text.prefix(300))")
        }
        #expect(try await server.send("GET", "\(path)/reports?format=odt", token: viewer).error.contains("html, pdf, docx or md"))
        // The web view's download says what went wrong in Vietnamese, whatever language the browser asks for.
        let page = try await server.send("GET", "/instances/\(Self.instance)/reports?format=odt", token: viewer, language: "en")
        #expect(page.status == 422 && page.text.contains("văn bản có dạng html, pdf, docx hoặc md"), "\(page.text.prefix(300))")

        // Every change is the signed-in user's, and signed with their key: the history verifies with their names.
        let history = try await server.send("GET", "\(path)/history", token: viewer).list
        let actors = Set(history.compactMap { $0["actor"] as? String })
        #expect(actors == ["chu.toa", "thu.ky", "thu.ky.hai"])
        let verified = try await server.send("GET", "\(path)/verify", token: viewer).json
        #expect(verified["intact"] as? Bool == true)
        let signers = (verified["signers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(signers) == ["Người dùng chu.toa (chu.toa)", "Người dùng thu.ky (thu.ky)", "Người dùng thu.ky.hai (thu.ky.hai)"])

        let log = server.stop().errors
        #expect(log.contains("POST /api/instances/\(Self.instance)/advance 409") && log.contains("GET /api/instances 401"))
        // Neither passwords nor tokens nor results reach the log.
        #expect(!log.contains(ServedQuorum.password("thu.ky")) && !log.contains(clerk) && !log.contains("Mạc Thị Hương"))
    }

    @Test func aDoubleEntryNeedsTwoUsersWhateverTheirRoles() async throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let server = try ServedQuorum(quorum, users: Self.users)
        defer { _ = server.stop() }
        let admin = try await server.signIn("quan.tri")
        let path = "instances/\(Self.instance)"
        #expect(try await server.send("POST", "instances", token: admin, json: ["workflow": "lanh-dao-so-tnmt-2021"]).status == 200)
        try await server.run(["buoc-1", "buoc-2"], of: Self.instance, samples: "lanh-dao-so-tnmt-2021", clerk: admin, chair: admin)
        let entry = try server.sample("lanh-dao-so-tnmt-2021/buoc-3.yaml")
        #expect(try await server.send("POST", "\(path)/steps/buoc-3/results?entry=1", token: admin, body: entry).status == 200)
        let again = try await server.send("POST", "\(path)/steps/buoc-3/results?entry=2", token: admin, body: entry)
        #expect(again.status == 422)
        #expect(again.error.contains("quan.tri"), "\(again.text)")
    }

    @Test func signInsAreThrottledAndEndWhenAUserIsDisabled() async throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let server = try ServedQuorum(quorum, users: Self.users)
        defer { _ = server.stop() }
        let token = try await server.signIn("xem")
        #expect(try await server.send("GET", "instances", token: token).status == 200)
        #expect(try await server.send("GET", "instances", token: token + "x").status == 401)

        // An unknown user and a wrong password get the same answer; five failures from one address stop even the
        // right password for a while.
        let unknown = try await server.send("POST", "login", json: ["user": "khong.co", "password": "sai-mat-khau-roi"])
        #expect(unknown.status == 401)
        for _ in 0..<4 {
            let wrong = try await server.send("POST", "login", json: ["user": "chu.toa", "password": "sai-mat-khau-roi"])
            #expect(wrong.status == 401 && wrong.error == unknown.error)
        }
        let throttled = try await server.send("POST", "login", json: ["user": "chu.toa", "password": ServedQuorum.password("chu.toa")])
        #expect(throttled.status == 429)
        #expect(Int(throttled.headers["retry-after"] ?? "") ?? 0 > 0)

        // A user disabled while signed in is signed out at their next request.
        #expect(try quorum.run("user", "disable", "xem").status == 0)
        let disabled = try await server.send("GET", "instances", token: token)
        #expect(disabled.status == 401)
        #expect(disabled.error.contains("sign in"))

        #expect(try await server.send("POST", "logout", token: token).status == 204)
    }

    @Test func aServerWithoutUsersRefusesToStart() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let result = try quorum.run("serve", "--port", "0")
        #expect(result.status == 2)
        #expect(result.errors.contains("no user can sign in") && result.errors.contains("quorum user add"))
    }
}
