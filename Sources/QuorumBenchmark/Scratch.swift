import Foundation
import QuorumCore
import QuorumFiles

/// A folder of its own for one workload, removed when the workload ends, or left in `kept` (`--keep FOLDER`) to
/// profile a command on it.
enum Scratch {
    nonisolated(unsafe) static var kept: String?

    static func folder<T>(_ name: String, _ body: (URL) throws -> T) throws -> T {
        let folder = kept.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        return try body(folder)
    }
}

extension DefinitionCatalog {
    /// The bundled track the command workloads run: one of the Office's, with a sample roster and results.
    func benchmarkTrack(in project: String) throws -> WorkflowDefinition {
        guard let definition = definitions["pho-chanh-van-phong-2021"] else { throw BenchmarkFailure("no pho-chanh-van-phong-2021 in \(project)") }
        return definition
    }
}
