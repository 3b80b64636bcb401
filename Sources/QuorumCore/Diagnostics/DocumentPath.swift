/// A place in a definition document, such as `steps[3].threshold`. The YAML layer turns it into `file:line:column`.
public struct DocumentPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = DocumentPath()

    public func key(_ name: String) -> DocumentPath { DocumentPath(components + [.key(name)]) }
    public func index(_ position: Int) -> DocumentPath { DocumentPath(components + [.index(position)]) }
    public var parent: DocumentPath? { components.isEmpty ? nil : DocumentPath(Array(components.dropLast())) }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let position): text += "[\(position)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }
}
