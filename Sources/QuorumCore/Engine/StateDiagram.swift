import QuorumRules

/// Draws a workflow's state machine: steps with their form and body, the thresholds on the edges that lead on,
/// and the guarded paths.
public struct StateDiagram: Sendable {
    public let definition: WorkflowDefinition

    public init(definition: WorkflowDefinition) { self.definition = definition }

    /// One arrow of the diagram: from a step (its node name) to a step or the end, with its guard or threshold.
    public struct Edge: Encodable, Sendable {
        public let from: String
        public let to: String
        public let label: String
        /// A transition taken when its guard holds, rather than the default way on.
        public let guarded: Bool
    }

    static let endNode = "ket_thuc"

    private func node(_ target: TransitionTarget) -> String {
        switch target {
        case .step(let id): Self.identifier(id)
        case .end: Self.endNode
        }
    }

    /// Node names are prefixed, so that no step id can collide with a keyword of either language (`end`, `graph`).
    public static func identifier(_ id: String) -> String { "step_" + id.replacingOccurrences(of: "-", with: "_") }

    private func label(_ step: Step) -> String {
        let body = definition.body(step.body)?.name ?? step.body
        return "\(step.name)\n\(body) · \(step.form.label)" + (step.meets.map { "\n\($0.display)" } ?? "")
    }

    /// What it takes to go on: the threshold and cap, shown on the default edge.
    private func passLabel(_ step: Step) -> String {
        var parts: [String] = []
        if let threshold = step.threshold {
            parts.append("\(threshold.comparison.symbol) \(threshold.fraction) \(threshold.base.label)")
        }
        if let selection = step.selection { parts.append("tối đa \(selection.cap) người mỗi chức danh") }
        return parts.joined(separator: ", ")
    }

    public var edges: [Edge] {
        definition.steps.flatMap { step in
            step.transitions.map { Edge(from: Self.identifier(step.id), to: node($0.to), label: $0.when.rawValue, guarded: true) }
                + [Edge(from: Self.identifier(step.id), to: node(step.next), label: passLabel(step), guarded: false)]
        }
    }

    public var mermaid: String {
        var lines = ["flowchart TD"]
        for step in definition.steps {
            lines.append("    \(Self.identifier(step.id))[\"\(Self.mermaidText(label(step)))\"]")
        }
        lines.append("    \(Self.endNode)([\"Kết thúc: danh sách trình cấp có thẩm quyền\"])")
        for edge in edges {
            let arrow = edge.guarded ? "-.->" : "-->"
            lines.append(edge.label.isEmpty ? "    \(edge.from) \(arrow) \(edge.to)"
                                            : "    \(edge.from) \(arrow)|\"\(Self.mermaidText(edge.label))\"| \(edge.to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var dot: String {
        var lines = ["digraph \"\(Self.dotText(definition.id))\" {", "    rankdir=TB;", "    node [shape=box, style=rounded, fontname=\"Times New Roman\"];"]
        for step in definition.steps {
            lines.append("    \(Self.identifier(step.id)) [label=\"\(Self.dotText(label(step)))\"];")
        }
        lines.append("    \(Self.endNode) [label=\"Kết thúc: danh sách trình cấp có thẩm quyền\", shape=ellipse];")
        for edge in edges {
            lines.append("    \(edge.from) -> \(edge.to) [label=\"\(Self.dotText(edge.label))\"\(edge.guarded ? ", style=dashed" : "")];")
        }
        return (lines + ["}"]).joined(separator: "\n") + "\n"
    }

    static func mermaidText(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>")
    }

    static func dotText(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
