import Foundation

extension Array where Element: Sendable {
    /// `map` on every core, for at least `minimum` elements (fewer are mapped in place: waking the other cores costs
    /// more than it saves). For elements whose work is independent and long enough to share out, such as the payloads
    /// of a long history or the titles of a province's step. The results keep the order of the elements.
    public func concurrentMap<T: Sendable>(minimum: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count >= Swift.max(minimum, 2) else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { results.deallocate() }
        nonisolated(unsafe) let shared = results
        // Elements in runs, a few runs a core: one by one when there are few (a large roster among a handful of
        // events), without handing out each of a hundred thousand small ones alone.
        let runs = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 16)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            for index in (run * count / runs)..<((run + 1) * count / runs) {
                (shared.baseAddress! + index).initialize(to: transform(self[index]))
            }
        }
        let mapped = Array<T>(results)
        _ = results.deinitialize()
        return mapped
    }
}
