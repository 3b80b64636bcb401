extension WorkflowValidation {
    /// Validates bodies and flattens each one's membership through `includes:`.
    mutating func validateBodies() -> [Body] {
        let documents = document.bodies ?? []
        var seen = Set<String>()
        var declared: [String: (index: Int, body: BodyDocument)] = [:]
        for (index, body) in documents.enumerated() {
            let path = DocumentPath.root.key("bodies").index(index)
            guard let id = uniqueID(body.id, at: path, in: &seen, what: "body") else { continue }
            declared[id] = (index, body)
            _ = problems.require(body.name, at: path.key("name"), code: "missing-name", ["id": id])
            if let count = body.count, count < 1 {
                problems.error(at: path.key("count"), code: "count-below-one", ["count": count])
            }
            for (position, member) in (body.members ?? []).enumerated() {
                let memberPath = path.key("members").index(position)
                if let person = problems.require(member.person, at: memberPath.key("person"), code: "member-needs-id") {
                    _ = checkPerson(person, at: memberPath.key("person"))
                }
            }
            for (position, included) in (body.includes ?? []).enumerated() where !documents.contains(where: { $0.id == included }) {
                problems.error(at: path.key("includes").index(position), code: "unknown-body", ["included": included],
                               notes: Suggestion.note(for: included, in: documents.compactMap(\.id)))
            }
        }
        var bodies: [Body] = []
        for body in documents {
            guard let id = body.id, let entry = declared[id], entry.body == body else { continue }
            let path = DocumentPath.root.key("bodies").index(entry.index)
            var members: [Member] = []
            var unnamed = 0
            var visiting: [String] = []
            var counted = Set<String>()
            guard flatten(id, declared: declared, members: &members, unnamed: &unnamed, visiting: &visiting,
                          counted: &counted, at: path) else { continue }
            if members.isEmpty, unnamed == 0 {
                problems.error(at: path, code: "body-no-members", ["id": id])
            }
            bodies.append(Body(id: id, name: body.name ?? id, members: members, unnamedCount: unnamed, includes: body.includes ?? []))
        }
        return bodies
    }

    /// Collects members once each, and each included body's head count once; reports a cycle of `includes:`.
    private mutating func flatten(_ id: String, declared: [String: (index: Int, body: BodyDocument)], members: inout [Member],
                                  unnamed: inout Int, visiting: inout [String], counted: inout Set<String>,
                                  at path: DocumentPath) -> Bool {
        guard let body = declared[id]?.body else { return true }
        if visiting.contains(id) {
            problems.error(at: path.key("includes"), code: "bodies-include-other-cycle", ["chain": (visiting + [id]).joined(separator: " → ")])
            return false
        }
        guard counted.insert(id).inserted else { return true }
        visiting.append(id)
        defer { visiting.removeLast() }
        for member in body.members ?? [] where member.person != nil && !members.contains(where: { $0.person == member.person }) {
            members.append(Member(person: member.person!, role: member.role))
        }
        unnamed += body.count ?? 0
        for included in body.includes ?? [] {
            guard flatten(included, declared: declared, members: &members, unnamed: &unnamed, visiting: &visiting,
                          counted: &counted, at: path) else { return false }
        }
        return true
    }
}
