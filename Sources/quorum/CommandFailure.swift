import ArgumentParser
import QuorumAccess
import QuorumCore
import QuorumFiles
import QuorumStore

/// A refusal with a message for the user, printed to stderr; its kind gives the exit code.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    let status: ExitStatus

    init(_ message: String, _ status: ExitStatus = .refused) {
        description = message
        self.status = status
    }

    static func text(_ error: StoreError) -> String {
        switch error {
        case let .unreadableRow(what, row, reason): Messages.text(.storeUnreadableRow, ["what": what, "row": row, "reason": reason])
        case let .readOnly(path): Messages.text(.storeReadOnly, ["path": path])
        case let .badAddress(address, reason): Messages.text(.storeBadAddress, ["address": address, "reason": reason])
        case let .unreachable(location, reason): Messages.text(.storeUnreachable, ["location": location, "reason": reason])
        case let .refusedByServer(location, reason): Messages.text(.storeRefused, ["location": location, "reason": reason])
        case let .copyConflict(instances, target):
            Messages.text(.storeCopyConflict, ["instances": instances.joined(separator: ", "), "target": target])
        }
    }

    static func text(_ error: AccessError) -> String {
        func suggestion(_ likely: String?) -> String { likely.map { Messages.text(.didYouMean, ["name": "'\($0)'"]) } ?? "" }
        return switch error {
        case let .unknownUser(id, likely): Messages.text(.accessUnknownUser, ["id": id, "suggestion": suggestion(likely)])
        case let .userExists(id): Messages.text(.accessUserExists, ["id": id])
        case let .badUserID(id): Messages.text(.accessBadUserID, ["id": id])
        case let .weakPassword(minimum): Messages.text(.accessWeakPassword, ["minimum": minimum])
        case .noRole: Messages.text(.accessNoRole)
        case let .unknownUnit(unit, likely): Messages.text(.accessUnknownUnit, ["unit": unit, "suggestion": suggestion(likely)])
        case .wrongPassword: Messages.text(.accessWrongPassword)
        case let .disabled(id): Messages.text(.accessDisabled, ["id": id])
        case let .damagedUser(id): Messages.text(.accessDamagedUser, ["id": id])
        case let .unreadableFile(path, reason): Messages.text(.accessUnreadableFile, ["path": path, "reason": reason])
        }
    }

    /// Runs a command body, printing any refusal as `error: …` on stderr and exiting with its documented code. The
    /// commands suggested after a refusal name `instance` when the command was about one.
    static func reporting(instance: String? = nil, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Output.error(message(error, instance: instance))
            throw ExitStatus.of(error).exitCode
        }
    }

    /// A refusal in words, as the command line prints it and `quorum serve` answers it.
    static func message(_ error: any Error, instance: String?) -> String {
        switch error {
        case let error as InputError:
            var renderer = DiagnosticRenderer()
            return renderer.render(error.diagnostics)
        case let error as StoreError: return Messages.text(.error, ["message": Self.text(error)])
        case let error as AccessError: return Messages.text(.error, ["message": Self.text(error)])
        case let error as EngineError: return RefusalText.lines(error, instance: instance).joined(separator: "\n")
        default: return Messages.text(ExitStatus.of(error) == .internalError ? .internalError : .error, ["message": "\(error)"])
        }
    }
}
