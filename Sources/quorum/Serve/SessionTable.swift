import Foundation
import QuorumCore

/// The users signed in to a server: a random token for each sign-in, good until it expires or the user signs out.
/// Tokens live in the server's memory only, so a restart signs everyone out; the users' keys, unsealed by their
/// passwords at sign-in, are never written anywhere.
actor SessionTable {
    struct Session: Sendable {
        let user: String
        let key: SigningKey
        let expires: Date
        /// What the web view's forms carry back, so that another site cannot post them with the user's cookie.
        let formToken: String
    }

    private var sessions: [String: Session] = [:]
    /// What the web view says once after a change, on the page it leads to.
    private var notices: [String: String] = [:]
    private var throttle = LoginThrottle()
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// A new session for a user whose password was checked: its token and when it expires.
    func open(user: String, key: SigningKey, now: Date = Date()) -> (token: String, expires: Date) {
        let token = Self.random()
        let session = Session(user: user, key: key, expires: now.addingTimeInterval(lifetime), formToken: Self.random())
        sessions = sessions.filter { $0.value.expires > now }
        notices = notices.filter { sessions[$0.key] != nil }
        sessions[token] = session
        throttle.succeeded(user: user)
        return (token, session.expires)
    }

    /// The session of a token, while it has not expired.
    func session(_ token: String, now: Date = Date()) -> Session? {
        guard let session = sessions[token] else { return nil }
        guard session.expires > now else {
            sessions[token] = nil
            return nil
        }
        return session
    }

    /// 32 random bytes, base64url without padding.
    private static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    func close(_ token: String) {
        sessions[token] = nil
        notices[token] = nil
    }

    func leave(_ notice: String, for token: String) { notices[token] = notice }

    func takeNotice(_ token: String) -> String? { notices.removeValue(forKey: token) }

    /// Ends every session of a user (disabled since they signed in).
    func close(user: String) { sessions = sessions.filter { $0.value.user != user } }

    func refusedUntil(user: String, address: String, now: Date = Date()) -> Date? {
        throttle.refusedUntil(user: user, address: address, now: now)
    }

    func failed(user: String, address: String, now: Date = Date()) { throttle.failed(user: user, address: address, at: now) }
}
