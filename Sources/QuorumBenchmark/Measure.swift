import Foundation

/// One line of the report: a figure, and its ratio to the baseline it is read against.
struct Row {
    let workload: String
    let figure: String
    let baseline: String
    let ratio: String

    init(_ workload: String, _ figure: String, against baseline: String = "", ratio: Double? = nil) {
        self.workload = workload
        self.figure = figure
        self.baseline = baseline
        self.ratio = ratio.map { String(format: "%.3g×", $0) } ?? ""
    }

    static func print(_ rows: [Row]) {
        let widths = [56, 18, 38]
        func line(_ cells: [String]) {
            Swift.print(zip(cells, widths + [0]).map { cell, width in width == 0 ? cell : cell.padding(toLength: max(width, cell.count), withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
        }
        line(["workload", "figure", "baseline", "ratio"])
        rows.forEach { line([$0.workload, $0.figure, $0.baseline, $0.ratio]) }
    }
}

enum Measure {
    /// Seconds taken by `body`, and what it returned.
    static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
    }

    /// The fastest of `runs` timings, and what the body returned: for loops in process, which a busy machine only
    /// ever slows down.
    static func best<T>(of runs: Int, _ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        var fastest = try time(body)
        for _ in 1..<max(runs, 1) {
            let next = try time(body)
            if next.seconds < fastest.seconds { fastest = next }
        }
        return fastest
    }

    /// The median of `runs` timings, which a slow first run (caches, page-ins) does not skew.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try time(body).seconds) }
        return times.sorted()[times.count / 2]
    }

    static func rate(_ count: Int, _ seconds: Double) -> String { rate(perSecond: Double(count) / seconds) }

    static func rate(perSecond: Double) -> String {
        perSecond >= 1e6 ? String(format: "%.2f M/s", perSecond / 1e6) : String(format: "%.1f k/s", perSecond / 1e3)
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

    /// Peak resident memory of this process so far, in MiB.
    static func peakMemory() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage.ru_maxrss / 1024
    }
}

/// A deterministic generator, so every run measures the same data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
