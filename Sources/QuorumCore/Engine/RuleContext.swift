import Foundation
import QuorumCEL

/// The variables a CEL rule sees: its subject (`person`, `people` or `ballot`), `cycle`, `title` and `params`.
/// Text written as `YYYY-MM-DD` in the subject and the cycle becomes a timestamp, so `person.birth_date.getFullYear()`
/// works the same for a roster and for a rule's examples.
public enum RuleContext {
    /// The name a rule of each kind reads its subject by.
    public static func subjectName(of kind: ExpressionRule.Kind) -> String {
        switch kind {
        case .eligibility: "person"
        case .structure: "people"
        case .ballotValidity: "ballot"
        }
    }

    public static func variables(rule: ExpressionRule, subject: RuleParameter, cycle: RuleParameter?,
                                 title: RuleParameter?) -> [String: Value] {
        [
            "params": rule.parameterValue,
            subjectName(of: rule.kind): subject.datedValue,
            "cycle": cycle?.datedValue ?? .map(CELMap()),
            "title": title?.value ?? .map(CELMap()),
        ]
    }

    /// Text written as `YYYY-MM-DD` as a timestamp at midnight UTC; other text as it is.
    static func dated(_ text: String) -> Value {
        guard text.utf8.count == 10, text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }),
              let time = Timestamp(rfc3339: text + "T00:00:00Z") else { return .string(text) }
        return .timestamp(time)
    }
}
