import Foundation
import QuorumCEL

/// The variables a CEL rule sees: `person` or `people`, `cycle`, `title` and `params`. Text written as
/// `YYYY-MM-DD` under `person`, `people` and `cycle` becomes a timestamp, so `person.birth_date.getFullYear()` works
/// the same for a roster and for a rule's examples.
public enum RuleContext {
    public static func variables(rule: ExpressionRule, person: RuleParameter? = nil, people: RuleParameter? = nil,
                                 cycle: RuleParameter?, title: RuleParameter?) -> [String: Value] {
        var variables: [String: Value] = ["params": rule.parameterValue]
        if let person { variables["person"] = withDates(person.value) }
        if let people { variables["people"] = withDates(people.value) }
        variables["cycle"] = cycle.map { withDates($0.value) } ?? .map(CELMap())
        variables["title"] = title?.value ?? .map(CELMap())
        return variables
    }

    public static func withDates(_ value: Value) -> Value {
        switch value {
        case .string(let text) where text.count == 10 && text.unicodeScalars.allSatisfy({ $0 == "-" || ("0"..."9").contains($0) }):
            return Timestamp(rfc3339: text + "T00:00:00Z").map(Value.timestamp) ?? value
        case .list(let elements): return .list(elements.map(withDates))
        case .map(let map): return .map(CELMap(map.entries.map { ($0.key, withDates($0.value)) }))
        default: return value
        }
    }
}
