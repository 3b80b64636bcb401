import Foundation
import QuorumCore
import Testing
@testable import quorum

@Suite("exit codes")
struct ExitStatusTests {
    struct Unexpected: Error {}

    @Test("each kind of failure has its own code: refused 1, bad input 2, tampered store 3, internal error 4")
    func kindsAreDistinct() {
        #expect(ExitStatus.of(EngineError.finished("x-1")) == .refused)
        #expect(ExitStatus.of(EngineError.unknownInstance("x-9", known: ["x-1"], store: nil)) == .badInput)
        #expect(ExitStatus.of(EngineError.unknownPerson("Nguyen Van", likely: [])) == .badInput)
        #expect(ExitStatus.of(CommandFailure("the history does not verify", .tampered)) == .tampered)
        #expect(ExitStatus.of(Unexpected()) == .internalError)
        #expect(Set(ExitStatus.allCases.map(\.rawValue)).count == ExitStatus.allCases.count)
        #expect(!ExitStatus.allCases.map(\.rawValue).contains(64), "64 is a mistyped command's")
    }

    @Test("the real binary: a refusal by the rules, bad input and a mistyped command exit differently")
    func theBinaryUsesThem() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let refused = try quorum.run("advance", "pho-chanh-van-phong-2021-1")
        #expect(refused.status == 1, "nothing recorded: the rules refuse to decide. \(refused.errors)")
        let unknown = try quorum.run("status", "pho-chanh-van-phong-2021-7")
        #expect(unknown.status == 2, "\(unknown.errors)")
        let mistyped = try quorum.run("status", "--no-such-option")
        #expect(mistyped.status == 64)
    }
}
