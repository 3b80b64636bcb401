import Foundation
@testable import QuorumCore
@testable import QuorumFiles
import Testing
import Yams

/// Every bundled rule's examples, one test case per rule, as SwiftLint runs its rules' examples.
struct RuleExampleTests {
    struct BundledRule: CustomTestStringConvertible, Sendable {
        let file: String
        let ruleSet: String
        let rule: RuleDocument
        var testDescription: String { "\(ruleSet)/\(rule.id ?? "?")" }
    }

    static let rules: [BundledRule] = DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("rules")]).flatMap { file -> [BundledRule] in
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let document = try? YAMLDecoder().decode(RuleSetDocument.self, from: text) else { return [] }
        return (document.rules ?? []).map { BundledRule(file: file, ruleSet: document.id ?? file, rule: $0) }
    }

    @Test func thereAreRulesWithExamples() {
        #expect(Self.rules.filter { !($0.rule.examples ?? []).isEmpty }.count >= 20)
    }

    /// A rule file that fails to decode would silently drop its rules from the cases above.
    @Test func everyRuleSetFileIsRead() throws {
        let files = DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("rules")])
        let ruleSets = try files.filter { file in
            let text = try String(contentsOfFile: file, encoding: .utf8)
            return !text.contains("\nholidays:") && !text.contains("\ncolumns:")
        }
        #expect(ruleSets.count == 3)
        for file in ruleSets {
            #expect(throws: Never.self, "\(file)") { try YAMLDecoder().decode(RuleSetDocument.self, from: try String(contentsOfFile: file, encoding: .utf8)) }
        }
        #expect(Set(Self.rules.map(\.file)) == Set(ruleSets))
    }

    @Test(arguments: rules)
    func examplesHold(_ bundled: BundledRule) {
        let single = RuleSetDocument(id: bundled.ruleSet, name: bundled.ruleSet, rules: [bundled.rule])
        let (ruleSet, diagnostics) = RuleSetValidator().validate(single, file: bundled.file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.english))")
        #expect(ruleSet != nil)
        let kind = bundled.rule.kind ?? ""
        if kind != "selection" {
            let outcomes = Set((bundled.rule.examples ?? []).compactMap(\.passes))
            #expect(outcomes == [true, false], "a rule's examples should show both a pass and a failure")
        }
    }
}
