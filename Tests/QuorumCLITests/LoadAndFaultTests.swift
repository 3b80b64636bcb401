import Foundation
import Testing

/// The load and fault test of bench/load.py, small: concurrent clients drive units through the 4 steps while the
/// server is killed and started again; every unit reaches the end, no acknowledged write is lost, none is doubled.
struct LoadAndFaultTests {
    @Test func killingTheServerMidwayLosesNoAcknowledgedEvent() throws {
        let result = try QuorumProcess.python([QuorumProcess.repository.appendingPathComponent("bench/load.py").path, "--quorum", QuorumProcess.binary.path,
                                               "--units", "4", "--clients", "2", "--seconds", "120", "--kill", "server"])
        #expect(result.status == 0, "\(result.output)\n\(result.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(report["finished"] as? Int == 4)
        #expect((report["problems"] as? [String])?.isEmpty == true)
        // The clients saw the server go away and come back.
        #expect(!((report["retried"] as? [String: Int]) ?? [:]).isEmpty)
        #expect((report["requestsPerSecond"] as? Double ?? 0) > 0)
    }
}
