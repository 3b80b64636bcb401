import Foundation

// The baseline of quorum-benchmark's command timings: what starting a Swift program linked with Foundation costs.
print("hello, \(ProcessInfo.processInfo.processName)")
