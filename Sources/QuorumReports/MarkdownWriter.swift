/// Writes an official document as Markdown: readable as text, and convertible by any Markdown tool.
public enum MarkdownWriter {
    public static func write(_ document: OfficialDocument) -> String {
        var lines: [String] = []
        func append(_ blocks: [OfficialDocument.Block]) {
            for block in blocks {
                switch block {
                case .heading(let text): lines += ["**\(text)**", ""]
                case .paragraph(let text): lines += [text, ""]
                case .bullets(let items): lines += items.map { "- \($0)" } + [""]
                case .table(let headers, let rows):
                    lines.append("| " + headers.joined(separator: " | ") + " |")
                    lines.append("|" + headers.map { _ in "---" }.joined(separator: "|") + "|")
                    lines += rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
                    lines.append("")
                case .note(let text): lines += ["<sub>\(text)</sub>", ""]
                case .pageBreak: lines += ["---", ""]
                }
            }
        }
        var left = Array(document.issuer.dropLast())
        if let last = document.issuer.last { left.append("**\(last)**") }
        left += [document.format == .party ? "*" : "", document.number] + (document.confidential ? ["**MẬT**"] : [])
        let right = document.nationalLines.map { "**\($0)**" } + ["", "*\(document.dateline)*"]
        lines.append("| | |")
        lines.append("|:---:|:---:|")
        for index in 0..<max(left.count, right.count) {
            lines.append("| \(index < left.count ? left[index] : "") | \(index < right.count ? right[index] : "") |")
        }
        lines += ["", "<div align=\"center\">", "", "**\(document.title)**", ""]
        if let subtitle = document.subtitle { lines += ["*\(subtitle)*", ""] }
        lines += ["</div>", ""]
        append(document.blocks)
        if !document.recipients.isEmpty {
            lines += ["*Nơi nhận:*"] + document.recipients.map { "- \($0)" } + [""]
        }
        if !document.signatures.isEmpty {
            lines.append("| " + document.signatures.map { ($0.capacity.map { "**\($0)**<br>" } ?? "") + "**\($0.role)**" }.joined(separator: " | ") + " |")
            lines.append("|" + document.signatures.map { _ in ":---:" }.joined(separator: "|") + "|")
            lines.append("| " + document.signatures.map { _ in "*(Ký, ghi rõ họ tên)*" }.joined(separator: " | ") + " |")
            lines.append("| " + document.signatures.map { _ in "<br><br><br>" }.joined(separator: " | ") + " |")
            lines.append("| " + document.signatures.map { $0.name.map { "**\($0)**" } ?? "" }.joined(separator: " | ") + " |")
            lines.append("")
        }
        append(document.appendices)
        return lines.joined(separator: "\n") + "\n"
    }
}
