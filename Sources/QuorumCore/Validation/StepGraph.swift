/// The steps as a graph, to find steps no run can reach and steps from which no run can finish.
struct StepGraph {
    let steps: [Step]

    func successors(of step: Step) -> [TransitionTarget] { step.transitions.map(\.to) + [step.next] }

    func check(reportingTo problems: inout DiagnosticCollector, indexOf: (String) -> Int) {
        guard let first = steps.first else { return }
        var reached: Set<String> = [first.id]
        var queue = [first]
        while let step = queue.popLast() {
            for case .step(let id) in successors(of: step) where reached.insert(id).inserted {
                if let target = steps.first(where: { $0.id == id }) { queue.append(target) }
            }
        }
        var finishing = Set<String>()
        var changed = true
        while changed {
            changed = false
            for step in steps where !finishing.contains(step.id) {
                let finishes = successors(of: step).contains {
                    if case .step(let id) = $0 { finishing.contains(id) } else { true }
                }
                if finishes { finishing.insert(step.id); changed = true }
            }
        }
        for step in steps {
            let path = DocumentPath.root.key("steps").index(indexOf(step.id)).key("id")
            if !reached.contains(step.id) {
                problems.error(at: path, code: "step-can-never-reached", ["step": step.id, "first": first.id])
            } else if !finishing.contains(step.id) {
                problems.error(at: path, code: "step-can-never-finish", ["step": step.id, "endKeyword": TransitionTarget.endKeyword])
            }
        }
    }
}
