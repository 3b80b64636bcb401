import Foundation
import QuorumCore
import Testing
@testable import quorum

/// Sign-ins of `quorum serve`: tokens that expire, and failed attempts throttled by user and by address.
struct SessionTableTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aTokenIsGoodUntilItExpiresOrIsClosed() async {
        let table = SessionTable(lifetime: 3600)
        let (token, expires) = await table.open(user: "hanh", key: SigningKey(), now: now)
        let (other, _) = await table.open(user: "tuan", key: SigningKey(), now: now)
        #expect(token != other && token.count == 43)
        #expect(expires == now.addingTimeInterval(3600))
        #expect(await table.session(token, now: now.addingTimeInterval(3599))?.user == "hanh")
        #expect(await table.session(token, now: now.addingTimeInterval(3600)) == nil)
        #expect(await table.session(other, now: now)?.user == "tuan")
        await table.close(user: "tuan")
        #expect(await table.session(other, now: now) == nil)
    }

    @Test func failedSignInsAreThrottledByUserAndByAddress() {
        var throttle = LoginThrottle()
        for minute in 0..<5 {
            #expect(throttle.refusedUntil(user: "hanh", address: "10.0.0.1", now: now) == nil)
            throttle.failed(user: "hanh", address: "10.0.0.1", at: now.addingTimeInterval(Double(minute) * 60))
        }
        let later = now.addingTimeInterval(5 * 60)
        // Refused until the first failure is 15 minutes old, for that user from anywhere, and for anyone from there.
        #expect(throttle.refusedUntil(user: "hanh", address: "10.0.0.2", now: later) == now.addingTimeInterval(15 * 60))
        #expect(throttle.refusedUntil(user: "tuan", address: "10.0.0.1", now: later) == now.addingTimeInterval(15 * 60))
        #expect(throttle.refusedUntil(user: "tuan", address: "10.0.0.2", now: later) == nil)
        #expect(throttle.refusedUntil(user: "hanh", address: "10.0.0.2", now: now.addingTimeInterval(15 * 60)) == nil)
        throttle.succeeded(user: "hanh")
        #expect(throttle.refusedUntil(user: "hanh", address: "10.0.0.2", now: later) == nil)
    }
}
