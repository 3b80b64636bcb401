import Foundation
import Mustache

/// The web view's templates and style sheet (templates/web/), built into the binary as the message catalogs are.
enum WebTemplates {
    /// Every `.mustache` file by its name without the extension; pages extend `layout`.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for file in BuildInfo.webFiles where file.path.hasSuffix(".mustache") {
            do {
                try library.register(text(file.base64), named: String(file.path.dropLast(".mustache".count)))
            } catch {
                // A template that does not parse is a defect of the build, which the test suite catches.
                preconditionFailure("templates/web/\(file.path): \(error)")
            }
        }
        return library
    }()

    /// A file of templates/web/ as text.
    static func file(_ name: String) -> String { BuildInfo.webFiles.first { $0.path == name }.map { text($0.base64) } ?? "" }

    static func render(_ template: String, _ values: [String: Any]) -> String { library.render(values, withTemplate: template) ?? "" }

    private static func text(_ base64: String) -> String { String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self) }
}
