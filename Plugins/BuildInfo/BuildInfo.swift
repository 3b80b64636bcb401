import Foundation
import PackagePlugin

/// Generates the commit the binary is built from, the files `quorum init` writes, the message catalogs and the web
/// view's templates, so that
/// an installed binary needs neither the repository nor a resource bundle beside it. A build command with its inputs
/// declared, so that the file is written again exactly when one of them (or the commit) changes.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let folders = ["messages", "rules", "templates/init", "templates/web"].map { package.appending(path: $0) }
        var inputs = folders.flatMap { folder in
            (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
                .filter { !$0.hasDirectoryPath }
        }
        inputs += ["workflows/quy-trinh-4-buoc.yaml", "scripts/build-info.sh", ".git/HEAD", ".git/index"].map { package.appending(path: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
        return [
            .buildCommand(
                displayName: "Recording the commit, the message catalogs, the project template and the web templates",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [package.appending(path: "scripts/build-info.sh").path(percentEncoded: false),
                            package.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output.appending(path: "BuildInfo.swift")]
            ),
        ]
    }
}
