import Foundation
@testable import QuorumAccess
import QuorumCore
import Testing

/// Users sign in with a password kept only as a memory-hard hash; their signing key is sealed by the password, so the
/// users file alone signs nothing; a disabled user stays, and refusals do not tell who has an account.
struct UserDirectoryTests {
    let units: Set<String> = ["truong-pho-phong-2021", "so-tai-nguyen-moi-truong-2021"]
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-users-\(UUID().uuidString)/users.json").path

    private func directory() throws -> UserDirectory {
        var directory = UserDirectory()
        _ = try directory.add(id: "hanh", name: "Nguyễn Thị Hạnh", roles: [.clerk], units: ["truong-pho-phong-2021"],
                              password: "mật khẩu của Hạnh", knownUnits: units)
        _ = try directory.add(id: "tuan", name: "Lê Văn Tuấn", roles: [.chair, .viewer, .chair], units: ["*"], password: "mat-khau-cua-tuan",
                              knownUnits: units)
        return directory
    }

    @Test func theRightPasswordUnlocksTheUsersOwnKeyAndNothingElseDoes() throws {
        let directory = try directory()
        let (user, key) = try directory.signIn("hanh", password: "mật khẩu của Hạnh")
        #expect(user.id == "hanh" && key.publicKey == user.publicKey)
        let hash = String(repeating: "ab", count: 32)
        #expect(try key.sign(hash).verifies(hash))
        #expect(throws: AccessError.wrongPassword) { try directory.signIn("hanh", password: "mat khau cua Hanh") }
        #expect(throws: AccessError.wrongPassword) { try directory.signIn("tuan", password: "mật khẩu của Hạnh") }
        #expect(throws: AccessError.wrongPassword, "no such user reads as a wrong password") { try directory.signIn("nobody", password: "x") }
        #expect(directory.user("tuan")?.roles == [.viewer, .chair], "roles once each, in order")
    }

    @Test func theFileKeepsNeitherPasswordsNorKeysAndIsOwnerOnly() throws {
        let directory = try directory()
        try directory.save(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let key = try directory.signIn("hanh", password: "mật khẩu của Hạnh").key
        #expect(!text.contains("mật khẩu") && !text.contains(key.rawRepresentation.base64EncodedString()))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let loaded = try UserDirectory.load(path)
        #expect(loaded == directory)
        #expect(try loaded.signIn("tuan", password: "mat-khau-cua-tuan").user.name == "Lê Văn Tuấn")
        #expect(try UserDirectory.load(path + ".none").users.isEmpty, "no file yet is no users")
    }

    @Test func aDisabledUserStaysButCannotSignIn() throws {
        var directory = try directory()
        try directory.disable("hanh")
        #expect(throws: AccessError.disabled("hanh")) { try directory.signIn("hanh", password: "mật khẩu của Hạnh") }
        #expect(throws: AccessError.wrongPassword) { try directory.signIn("hanh", password: "wrong password") }
        #expect(directory.users.map(\.id) == ["hanh", "tuan"])
        #expect(throws: AccessError.unknownUser("hanx", likely: "hanh")) { try directory.disable("hanx") }
    }

    @Test func whatCannotBeAUserIsRefusedWithItsReason() throws {
        var directory = try directory()
        func add(_ id: String, roles: [Role] = [.viewer], units: [String] = ["*"], password: String = "mot-mat-khau-dai") throws {
            _ = try directory.add(id: id, name: "Ai đó", roles: roles, units: units, password: password, knownUnits: units.isEmpty ? [] : self.units)
        }
        #expect(throws: AccessError.userExists("hanh")) { try add("hanh") }
        #expect(throws: AccessError.badUserID("Hạnh")) { try add("Hạnh") }
        #expect(throws: AccessError.badUserID("")) { try add("") }
        #expect(throws: AccessError.noRole) { try add("moi", roles: []) }
        #expect(throws: AccessError.unknownUnit("truong-pho-phong-2012", likely: "truong-pho-phong-2021")) { try add("moi", units: ["truong-pho-phong-2012"]) }
        #expect(throws: AccessError.weakPassword(minimum: UserDirectory.minimumPassword)) { try add("moi", password: "ngan") }
        #expect(directory.users.count == 2, "nothing was added")
    }

    @Test func aSealedKeyMovedToAnotherUserDoesNotOpen() throws {
        let directory = try directory()
        try directory.save(to: path)
        let kept = try String(contentsOfFile: path, encoding: .utf8)
        let sealed = try #require(directory.users.map(\.sealedKey).first)
        let other = try #require(directory.users.map(\.sealedKey).last)
        try kept.replacingOccurrences(of: other, with: sealed).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try UserDirectory.load(path).signIn("tuan", password: "mat-khau-cua-tuan") }
    }

    @Test func theUsersKeysAreTheKeyringOfTheSharedStore() throws {
        let directory = try directory()
        let keyring = directory.keyring
        for user in directory.users { #expect(keyring.name(of: user.publicKey) == "\(user.name) (\(user.id))") }
        #expect(keyring.name(of: SigningKey().publicKey) == nil)
    }
}
