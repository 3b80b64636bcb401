@testable import QuorumCore
import Testing

struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 3, 1_000, 100_003])
    func theResultsKeepTheOrderOfTheElements(count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap(minimum: 2) { "\($0 * 3)" } == numbers.map { "\($0 * 3)" })
    }
}
