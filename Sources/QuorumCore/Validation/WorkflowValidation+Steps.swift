import QuorumCEL
import QuorumRules

extension WorkflowValidation {
    /// Validates the steps that run (those not marked `skip: true`), their rules, schedule and transitions.
    mutating func validateSteps() -> [Step] {
        let all = (document.steps ?? []).enumerated().map { (index: $0.offset, step: $0.element) }
        let skipped = Set(all.filter { $0.step.skip == true }.compactMap(\.step.id))
        let running = all.filter { $0.step.skip != true }
        var seen = Set<String>()
        var steps: [Step] = []
        var previousTime: (time: MeetingTime, id: String)?
        for (position, entry) in running.enumerated() {
            let path = DocumentPath.root.key("steps").index(entry.index)
            let document = entry.step
            guard let id = uniqueID(document.id, at: path, in: &seen, what: "step") else { continue }
            // A procedure written once names the unit as {organization}; each unit's track fills it in.
            let name = problems.require(document.name, at: path.key("name"), code: "missing-name", key: "missing-name-2", ["id": id])
                .map { $0.replacingOccurrences(of: "{organization}", with: self.document.organization ?? "cơ quan") }
            let form = problems.enumValue(StepForm.self, document.form, at: path.key("form"), what: "form")
            let body = checkBody(document.body, step: id, at: path)
            let quorum = rule(document.quorum, kind: .quorum, at: path.key("quorum"))
            let threshold = rule(document.threshold, kind: .threshold, at: path.key("threshold"))
            let selection = rule(document.selection, kind: .selection, at: path.key("selection"))
            let decidingBody = document.listDecidedBy.map { checkKnownBody($0, at: path.key("list-decided-by")) }
            if document.listDecidedBy != nil, form == .discussion {
                problems.error(at: path.key("list-decided-by"), code: "discussion-list-decided", ["id": id])
            }
            if document.listDecidedBy != nil, document.selection != nil {
                problems.error(at: path.key("selection"), code: "step-list-decided-body", ["id": id])
            }
            if let form, form.isBallot, document.threshold == nil, document.listDecidedBy == nil {
                problems.error(at: path, code: "voting-step-needs-rule", ["id": id])
            }
            if form == .discussion, let ruleID = document.threshold {
                problems.error(at: path.key("threshold"), code: "step-discussion-without-vote", ["id": id, "ruleID": ruleID],
                               notes: [Phrase("note.removeThreshold")])
            }
            let validity = expressionRules(document.ballotValidity, kind: .ballotValidity, at: path.key("ballot-validity"))
            if form == .discussion, !(document.ballotValidity ?? []).isEmpty {
                problems.error(at: path.key("ballot-validity"), code: "discussion-ballot-validity", ["id": id])
            }
            var secrecy = form == .secretBallot ? Secrecy.totals : .numbered
            if let text = document.secrecy, let chosen = problems.enumValue(Secrecy.self, text, at: path.key("secrecy"), what: "secrecy") {
                secrecy = chosen
                if chosen == .numbered, form == .secretBallot {
                    problems.error(at: path.key("secrecy"), code: "secret-ballot-cannot-keep",
                                   notes: [Phrase("note.numberedPapers")])
                }
            }
            let meets = meetingTime(document, step: id, at: path)
            if let meets {
                if let previous = previousTime, meets < previous.time {
                    problems.error(at: path.key("date"), code: "step-meets-before-step",
                                   ["id": id, "when": meets.display, "previous": previous.id, "previousWhen": previous.time.display])
                } else if let previous = previousTime, meets == previous.time {
                    problems.warning(at: path.key("time"), code: "step-meets-same-time", ["id": id, "previous": previous.id, "display": meets.display])
                }
                previousTime = (meets, id)
            }
            let following = position + 1 < running.count ? running[position + 1].step.id.map(TransitionTarget.step) : .end
            let (transitions, next) = validateTransitions(document, step: id, hasQuorum: document.quorum != nil,
                                                          defaultNext: following ?? .end, skipped: skipped, at: path)
            if let name, let form, let body {
                steps.append(Step(id: id, name: name, body: body, form: form, purpose: document.purpose, meets: meets,
                                  quorum: quorum.flatMap(\.quorumRule), threshold: threshold.flatMap(\.thresholdRule),
                                  selection: selection.flatMap(\.selectionRule), ballotValidity: validity, secrecy: secrecy,
                                  doubleEntry: document.doubleEntry ?? false, place: document.place,
                                  minutes: meetingMinutes(document.duration, at: path.key("duration")), weekday: document.weekday,
                                  transitions: transitions, next: next, reviewsKept: document.review == true ? true : nil,
                                  listDecidedBy: decidingBody, follows: follows(document.after)))
            }
        }
        // The graph is only meaningful when every step and target could be read.
        if steps.count == running.count, !problems.diagnostics.contains(where: { $0.severity == .error && $0.path.description.contains("transitions") }) {
            StepGraph(steps: steps).check(reportingTo: &problems, indexOf: { id in running.first { $0.step.id == id }?.index ?? 0 })
        }
        return steps
    }

    private mutating func meetingMinutes(_ text: String?, at path: DocumentPath) -> Int {
        guard let text else { return 60 }
        guard let span = Duration(parsing: text), span.seconds > 0 else {
            problems.error(at: path, code: "not-length-time", ["text": text])
            return 60
        }
        return Int(span.seconds / 60)
    }

    private mutating func checkBody(_ body: String?, step: String, at path: DocumentPath) -> String? {
        guard let body = problems.require(body, at: path.key("body"), code: "missing-body", ["step": step]) else { return nil }
        return checkKnownBody(body, at: path.key("body"))
    }

    private mutating func checkKnownBody(_ body: String, at path: DocumentPath) -> String {
        let known = (document.bodies ?? []).compactMap(\.id)
        if !known.contains(body), !isAbstract {
            problems.error(at: path, code: "unknown-body", key: "unknown-body-2", ["body": body], notes: Suggestion.note(for: body, in: known))
        }
        return body
    }

    /// The other track's step a meeting follows, whose end it must wait for.
    private func follows(_ after: RelativeTimeDocument?) -> StepReference? {
        guard let after, let workflow = after.workflow, workflow != document.id, let step = after.step else { return nil }
        return StepReference(workflow: workflow, step: step)
    }

    private mutating func rule(_ id: String?, kind: Rule.Kind, at path: DocumentPath) -> Rule? {
        guard let id else { return nil }
        guard let ruleSet else {
            if document.rules == nil {
                problems.error(at: path, code: "rule-used-but-workflow", ["id": id])
            }
            return nil
        }
        guard let found = ruleSet.rule(id) else {
            problems.error(at: path, code: "unknown-rule-rule-set", ["id": id, "ruleSet": ruleSet.id],
                           notes: Suggestion.note(for: id, in: ruleSet.rules.filter { $0.kind == kind }.map(\.id)))
            return nil
        }
        guard found.kind == kind else {
            problems.error(at: path, code: "wrong-rule-kind", ["id": id, "kind": found.kind.rawValue, "place": path.components.last.map { "\($0)" } ?? "",
                                                                "wanted": kind.rawValue])
            return nil
        }
        return found
    }

    private mutating func meetingTime(_ step: StepDocument, step id: String, at path: DocumentPath) -> MeetingTime? {
        let meets: MeetingTime?
        let errorsBefore = problems.diagnostics.count { $0.severity == .error }
        defer {
            if resolvedTimes[id] == nil, problems.diagnostics.count(where: { $0.severity == .error }) > errorsBefore { unresolvedSteps.insert(id) }
        }
        if let after = step.after {
            guard step.date == nil, step.time == nil else {
                problems.error(at: path.key("after"), code: "step-gives-both-date", ["id": id])
                return nil
            }
            meets = relativeTime(after, step: id, at: path.key("after"))
        } else {
            meets = absoluteTime(step, step: id, at: path)
        }
        if let meets { resolvedTimes[id] = meets }
        if let meets, let label = step.weekday, label.lowercased() != meets.weekday.lowercased() {
            problems.warning(at: path.key("weekday"), code: "weekday-mismatch", ["display": meets.display, "weekday": meets.weekday, "label": label],
                             notes: [Phrase("note.correctWeekday")])
        }
        return meets
    }

    private mutating func absoluteTime(_ step: StepDocument, step id: String, at path: DocumentPath) -> MeetingTime? {
        switch (step.date, step.time) {
        case (nil, nil):
            if !isAbstract { problems.warning(at: path, code: "step-no-yet", ["id": id]) }
            return nil
        case (nil, _?):
            problems.error(at: path, code: "time-without-date", ["id": id])
            return nil
        case (_?, nil):
            problems.error(at: path.key("date"), code: "date-without-time", ["id": id])
            return nil
        case let (date?, time?):
            let zone = step.timezone ?? document.timezone ?? MeetingTime.defaultTimeZone
            do {
                return try MeetingTime(date: date, time: time, timezone: zone)
            } catch {
                switch error {
                case .badDate:
                    problems.error(at: path.key("date"), code: "not-date", ["date": date])
                case .badTime:
                    problems.error(at: path.key("time"), code: "not-time-day", ["time": time])
                case .unknownTimeZone:
                    problems.error(at: step.timezone == nil ? .root.key("timezone") : path.key("timezone"),
                                   code: "unknown-time-zone", ["zone": zone])
                }
                return nil
            }
        }
    }

    /// `after: { step, workflow, days, time, by }`: the referenced step's time, moved by whole days, set to a time of
    /// day, then moved by a span such as `30m`.
    private mutating func relativeTime(_ after: RelativeTimeDocument, step id: String, at path: DocumentPath) -> MeetingTime? {
        guard let reference = problems.require(after.step, at: path.key("step"), code: "needs-meeting-follows") else { return nil }
        let base: MeetingTime?
        if let workflow = after.workflow, workflow != document.id {
            if unusableWorkflows.contains(workflow) {
                unresolvedSteps.insert(id)
                return nil
            }
            guard let times = otherTimes[workflow] else {
                problems.error(at: path.key("workflow"), code: "no-meeting-times-known", ["workflow": workflow],
                               notes: Suggestion.note(for: workflow, in: otherTimes.keys))
                return nil
            }
            base = times[reference]
            if base == nil {
                problems.error(at: path.key("step"), code: "workflow-no-scheduled-step", ["workflow": workflow, "reference": reference],
                               notes: Suggestion.note(for: reference, in: times.keys))
            }
        } else {
            base = resolvedTimes[reference]
            if base == nil, unresolvedSteps.contains(reference) {
                unresolvedSteps.insert(id)
                return nil
            }
            if base == nil {
                problems.error(at: path.key("step"), code: "step-can-only-follow", ["id": id, "reference": reference],
                               notes: Suggestion.note(for: reference, in: resolvedTimes.keys))
            }
        }
        guard let base else { return nil }
        var seconds = 0
        if let span = after.by {
            guard let parsed = Duration(parsing: span), parsed.seconds >= 0 else {
                problems.error(at: path.key("by"), code: "not-span-time", ["span": span])
                return nil
            }
            seconds = Int(parsed.seconds)
        }
        do {
            return try base.shifted(days: after.days ?? 0, to: after.time, by: seconds)
        } catch {
            problems.error(at: path.key("time"), code: "not-time-day", ["time": after.time ?? ""])
            return nil
        }
    }

    private mutating func validateTransitions(_ step: StepDocument, step id: String, hasQuorum: Bool, defaultNext: TransitionTarget,
                                              skipped: Set<String>, at path: DocumentPath) -> ([Transition], TransitionTarget) {
        let stepIDs = (document.steps ?? []).filter { $0.skip != true }.compactMap(\.id)
        var guarded: [Transition] = []
        var next = defaultNext
        let documents = step.transitions ?? []
        for (index, transition) in documents.enumerated() {
            let transitionPath = path.key("transitions").index(index)
            guard let targetText = problems.require(transition.to, at: transitionPath.key("to"),
                                                    code: "transition-needs", ["endKeyword": TransitionTarget.endKeyword]) else { continue }
            let target = TransitionTarget(targetText)
            if case .step(let targetID) = target, !stepIDs.contains(targetID) {
                if skipped.contains(targetID) {
                    problems.error(at: transitionPath.key("to"), code: "step-skipped-workflow-no", ["targetID": targetID])
                } else {
                    problems.error(at: transitionPath.key("to"), code: "unknown-step", ["targetID": targetID],
                                   notes: Suggestion.note(for: targetID, in: stepIDs + [TransitionTarget.endKeyword]))
                }
                continue
            }
            guard transition.when != nil else {
                if index != documents.count - 1 {
                    problems.error(at: transitionPath, code: "transition-without-default-path")
                }
                next = target
                continue
            }
            guard let when = problems.enumValue(TransitionGuard.self, transition.when, at: transitionPath.key("when"), what: "condition") else { continue }
            if guarded.contains(where: { $0.when == when }) {
                problems.warning(at: transitionPath.key("when"), code: "earlier-transition-already-handles", ["when": when.rawValue])
            }
            if when == .quorumNotMet, !hasQuorum {
                problems.warning(at: transitionPath.key("when"), code: "step-no-rule-never", ["id": id, "when": when.rawValue])
            }
            guarded.append(Transition(when: when, to: target))
        }
        return (guarded, next)
    }
}

private extension Rule {
    var quorumRule: ThresholdRule? { if case .quorum(let rule) = content { rule } else { nil } }
    var thresholdRule: ThresholdRule? { if case .threshold(let rule) = content { rule } else { nil } }
    var selectionRule: SelectionRule? { if case .selection(let rule) = content { rule } else { nil } }
}
