import Foundation
import Testing

/// An administrator manages the users of a shared Quorum from the command line: the password from standard input (as a
/// script gives it), the file owner-only, and every mistake named.
@Suite(.serialized)
struct UserCommandTests {
    let quorum: QuorumProcess

    init() throws { quorum = try QuorumProcess() }

    private func add(_ arguments: [String], password: String) throws -> QuorumProcess.Result {
        let running = try quorum.start(["user", "add"] + arguments)
        running.input(password + "\n")
        return running.finish()
    }

    @Test func usersAreAddedListedAndDisabled() throws {
        defer { quorum.remove() }
        let added = try add(["hanh", "--name", "Nguyễn Thị Hạnh", "--role", "clerk", "--unit", "pho-chanh-van-phong-2021"], password: "mật khẩu của Hạnh")
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("added hanh (Nguyễn Thị Hạnh): roles clerk; units pho-chanh-van-phong-2021; signing key "))
        let file = quorum.path(".quorum/users.json")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        #expect(try !String(contentsOfFile: file, encoding: .utf8).contains("mật khẩu"))
        #expect(try add(["tuan", "--name", "Lê Văn Tuấn", "--role", "chair", "--role", "viewer", "--unit", "*"], password: "mat-khau-cua-tuan").status == 0)
        #expect(try quorum.run("user", "disable", "hanh").status == 0)
        let listed = try quorum.run("user", "list", "--lang", "vi").output
        #expect(listed.contains("hanh  Nguyễn Thị Hạnh  vai trò: clerk  đơn vị: pho-chanh-van-phong-2021  khóa ") && listed.contains("(đã khóa)"))
        #expect(listed.contains("tuan  Lê Văn Tuấn  vai trò: viewer, chair  đơn vị: *"))
    }

    @Test func mistakesAreNamedAndNothingIsWritten() throws {
        defer { quorum.remove() }
        // Checked before the password is asked for: none is given here, and the mistake is what is said.
        let asking = try quorum.start(["user", "add", "hanh", "--name", "Hạnh", "--role", "clerk", "--unit", "pho-chanh-van-phong-2012"])
        asking.input("")
        let unit = asking.finish()
        #expect(unit.status == 2)
        #expect(unit.errors.contains("there is no workflow 'pho-chanh-van-phong-2012' in this project to be a unit; did you mean 'pho-chanh-van-phong-2021'?"))
        let role = try add(["hanh", "--name", "Hạnh", "--role", "clark", "--unit", "*"], password: "mat-khau-du-dai")
        #expect(role.status == 64 && role.errors.contains("clark"))
        let short = try add(["hanh", "--name", "Hạnh", "--role", "clerk", "--unit", "*"], password: "ngan")
        #expect(short.status == 2 && short.errors.contains("at least 10 characters"))
        #expect(!FileManager.default.fileExists(atPath: quorum.path(".quorum/users.json")), "nothing was written")
        let unknown = try quorum.run("user", "disable", "hanh")
        #expect(unknown.status == 2 && unknown.errors.contains("there is no user 'hanh'"))
    }
}
