import QuorumCore

/// Every official record an instance has so far, each under the file name it is written to: the minutes of each
/// meeting held, the ballot paper and tally sheet of each ballot step reached, and, once the procedure has ended, the
/// submission or decision draft with its appendices.
public enum RecordSet {
    public struct Record: Sendable {
        public let name: String
        public let documents: [OfficialDocument]
    }

    public static func make(_ source: ReportSource) -> [Record] {
        var records: [Record] = []
        for step in source.definition.steps {
            if let minutes = try? MeetingMinutes.make(source, step: step.id) {
                records.append(Record(name: step.form.isBallot ? "bien-ban-kiem-phieu-\(step.id)" : "bien-ban-\(step.id)", documents: [minutes]))
            }
            if let paper = try? BallotPaperDocument.paper(source, step: step.id) {
                records.append(Record(name: "phieu-\(step.id)", documents: [paper]))
            }
            if let sheet = try? BallotPaperDocument.tallySheet(source, step: step.id) {
                records.append(Record(name: "bang-kiem-phieu-\(step.id)", documents: [sheet]))
            }
        }
        if let documents = try? Submission.make(source) {
            let kinds = documents.map { $0.title.hasPrefix("QUYẾT ĐỊNH") ? "quyet-dinh" : "to-trinh" }
            for (index, document) in documents.enumerated() {
                let same = kinds.indices.filter { kinds[$0] == kinds[index] }
                let name = same.count == 1 ? kinds[index] : "\(kinds[index])-\((same.firstIndex(of: index) ?? 0) + 1)"
                records.append(Record(name: name, documents: [document]))
            }
        }
        return records
    }
}
