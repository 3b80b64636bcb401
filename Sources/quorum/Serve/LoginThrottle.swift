import Foundation

/// Failed sign-ins, counted for each user id and for each address they came from: after `limit` failures within
/// `window`, further attempts from that address or for that user are refused, without checking the password, until
/// the oldest of them is `window` old. A successful sign-in clears the user's failures.
struct LoginThrottle: Sendable {
    var limit = 5
    var window: TimeInterval = 15 * 60
    private var failures: [String: [Date]] = [:]

    /// When attempts may resume, if they are refused now.
    mutating func refusedUntil(user: String, address: String, now: Date) -> Date? {
        [Self.userKey(user), Self.addressKey(address)].compactMap { key -> Date? in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            return recent.count >= limit ? recent[recent.count - limit].addingTimeInterval(window) : nil
        }.max()
    }

    mutating func failed(user: String, address: String, at now: Date) {
        failures[Self.userKey(user), default: []].append(now)
        failures[Self.addressKey(address), default: []].append(now)
    }

    mutating func succeeded(user: String) { failures[Self.userKey(user)] = nil }

    private static func userKey(_ user: String) -> String { "user:" + user }
    private static func addressKey(_ address: String) -> String { "address:" + address }
}
