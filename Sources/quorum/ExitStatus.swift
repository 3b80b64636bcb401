import ArgumentParser
import QuorumAccess
import QuorumCore
import QuorumFiles
import QuorumStore

/// The exit codes of every command, documented in docs/cli.md: a script tells a refusal from bad input, a damaged
/// store or a defect without reading the message. Mistyped commands exit with 64, as swift-argument-parser does.
enum ExitStatus: Int32, CaseIterable {
    /// The rules refuse: a step that cannot advance, a tie to settle, a changed definition, a scenario not as expected.
    case refused = 1
    /// The input is wrong: a YAML or CSV problem, a definition that does not validate, an unknown instance, step,
    /// rule or person, results that contradict themselves.
    case badInput = 2
    /// The store's history does not verify, or a row of it cannot be read back.
    case tampered = 3
    /// Anything else: a defect of Quorum or of the machine, reported as an internal error.
    case internalError = 4

    var exitCode: ExitCode { ExitCode(rawValue) }

    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case let failure as CommandFailure: return failure.status
        case is InputError: return .badInput
        case let engine as EngineError:
            switch engine {
            case .tampered: return .tampered
            case .unknownInstance, .unknownStep, .unknownRule, .unknownPerson, .ambiguousPerson, .abstractWorkflow, .emptyReason,
                 .invalidRecord, .missingCount:
                return .badInput
            default: return .refused
            }
        case let access as AccessError:
            switch access {
            case .wrongPassword, .disabled: return .refused
            case .damagedUser, .unreadableFile: return .tampered
            default: return .badInput
            }
        case let store as StoreError:
            switch store {
            case .unreadableRow: return .tampered
            case .badAddress: return .badInput
            case .unreachable: return .internalError
            case .readOnly, .refusedByServer, .copyConflict: return .refused
            }
        default: return .internalError
        }
    }
}
