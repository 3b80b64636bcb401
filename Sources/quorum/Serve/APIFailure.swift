import Foundation
import Hummingbird
import QuorumAccess
import QuorumCore
import QuorumStore

/// A refused request: its HTTP status and the message the command line would print, as JSON
/// (`{"error": …, "retryable": …}`). A retryable refusal (the store out of reach, another desk's change first, too
/// many failed sign-ins) says when to try again.
struct APIFailure: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    /// Seconds after which the same request may succeed; nil when it would be refused again.
    var retryAfter: Int?

    init(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// Any error of a command, worded as the command line words it. Call it where messages may be rendered (the desk).
    init(_ error: any Error, instance: String? = nil) {
        if let failure = error as? APIFailure {
            self = failure
            return
        }
        message = CommandFailure.message(error, instance: instance)
        switch error {
        case StoreError.unreachable:
            (status, retryAfter) = (.serviceUnavailable, 1)
        case EngineError.concurrentChange:
            (status, retryAfter) = (.conflict, 0)
        case EngineError.unknownInstance, EngineError.unknownStep:
            status = .notFound
        case AccessError.wrongPassword, AccessError.disabled:
            status = .unauthorized
        default:
            status = switch ExitStatus.of(error) {
            case .refused: .conflict
            case .badInput: .unprocessableContent
            case .tampered, .internalError: .internalServerError
            }
        }
    }

    struct Body: Encodable {
        let error: String
        let retryable: Bool
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try APIResponse.json(Body(error: message, retryable: retryAfter != nil), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
