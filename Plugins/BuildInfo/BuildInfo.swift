import Foundation
import PackagePlugin

/// Generates, before each build, the commit the binary is built from and the files `quorum init` writes, so that an
/// installed binary needs neither the repository nor a resource bundle beside it.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        return [
            .prebuildCommand(
                displayName: "Recording the commit and the project template",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [package.appending(path: "scripts/build-info.sh").path(percentEncoded: false),
                            package.path(percentEncoded: false), output.path(percentEncoded: false)],
                outputFilesDirectory: output
            ),
        ]
    }
}
