/// Writes official documents as one self-contained, print-ready HTML page (A4, a serif face with full Vietnamese
/// coverage, the two-column header of Vietnamese documents). No script, font or image is fetched: records are often
/// confidential and opened offline.
public enum HTMLWriter {
    /// Faces tried in order; each covers Vietnamese, so no letter falls back to another face.
    public static let fonts = ["Times New Roman", "Liberation Serif", "Noto Serif"]

    public static func write(_ documents: [OfficialDocument]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(escape(documents.first?.title ?? "Quorum"))</title>
            <style>
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: \(fonts.map { "\"\($0)\"" }.joined(separator: ", ")), serif; font-size: 14pt; line-height: 1.35; max-width: 165mm; margin: auto; }
            .header { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
            .header td { text-align: center; vertical-align: top; font-size: 13pt; padding: 0; }
            .header td.issuer { width: 40%; }
            .header .national { font-weight: bold; white-space: nowrap; font-size: 12pt; }
            .header .rule { display: inline-block; border-top: 1px solid black; width: 50%; }
            .secret { font-weight: bold; border: 1px solid black; display: inline-block; padding: 0 4pt; margin-top: 4pt; }
            .dateline { font-style: italic; }
            h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; }
            .subtitle { text-align: center; font-weight: bold; margin: 2pt 0 12pt; }
            h2 { font-size: 14pt; margin: 12pt 0 6pt; break-after: avoid; }
            p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
            table.data { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; font-size: 13pt; }
            table.data thead { display: table-header-group; }
            table.data tr { break-inside: avoid; }
            table.data th, table.data td { border: 1px solid black; padding: 3pt 5pt; }
            table.data th { text-align: center; }
            table.data td:first-child { text-align: center; }
            table.data td:nth-child(2) { white-space: nowrap; }
            .closing { break-inside: avoid; }
            .signatures { width: 100%; margin-top: 18pt; break-inside: avoid; }
            .signatures td { text-align: center; vertical-align: top; }
            .signatures .name { padding-top: 60pt; font-weight: bold; }
            .recipients { font-size: 12pt; }
            .page-break { break-after: page; }
            p.item { text-align: left; text-indent: 0; padding-left: 1cm; }
            p.note { text-align: left; text-indent: 0; font-size: 10pt; overflow-wrap: anywhere; margin-top: 12pt; }
            </style>
            </head>
            <body>

            """
        for (index, document) in documents.enumerated() {
            if index > 0 { html += "<div class=\"page-break\"></div>\n" }
            html += section(document)
        }
        return html + "</body>\n</html>\n"
    }

    private static func section(_ document: OfficialDocument) -> String {
        var html = "<table class=\"header\"><tr><td class=\"issuer\">"
        html += document.issuer.enumerated().map { index, line in
            index == document.issuer.count - 1 ? "<b>\(escape(line))</b>" : escape(line)
        }.joined(separator: "<br>")
        html += document.format == .party ? "<br>*<br>" : "<br><span class=\"rule\"></span><br>"
        html += escape(document.number)
        if document.confidential { html += "<br><span class=\"secret\">MẬT</span>" }
        html += "</td><td>"
        html += document.nationalLines.map { "<span class=\"national\">\(escape($0))</span>" }.joined(separator: "<br>")
        html += "<br><span class=\"rule\"></span><br><span class=\"dateline\">\(escape(document.dateline))</span></td></tr></table>\n"
        html += "<h1>\(escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { html += "<div class=\"subtitle\">\(escape(subtitle))</div>\n" }
        // The last block stays on the page of the signatures, so that no page holds only a signature.
        html += blocks(document.blocks.dropLast())
        html += "<div class=\"closing\">" + blocks(document.blocks.suffix(1))
        html += "<table class=\"signatures\"><tr>"
        if !document.recipients.isEmpty {
            html += "<td class=\"recipients\" style=\"text-align:left\"><i><b>Nơi nhận:</b></i><br>"
                + document.recipients.map { "- " + escape($0) }.joined(separator: "<br>") + "</td>"
        }
        for signature in document.signatures {
            html += "<td>" + (signature.capacity.map { "<b>\(escape($0))</b><br>" } ?? "")
                + "<b>\(escape(signature.role))</b><br><i>(Ký, ghi rõ họ tên)</i><div class=\"name\">\(escape(signature.name ?? ""))</div></td>"
        }
        return html + "</tr></table></div>\n" + blocks(document.appendices)
    }

    private static func blocks(_ blocks: some Sequence<OfficialDocument.Block>) -> String {
        var html = ""
        for block in blocks {
            switch block {
            case .heading(let text): html += "<h2>\(escape(text))</h2>\n"
            case .paragraph(let text): html += "<p>\(escape(text))</p>\n"
            case .bullets(let items): html += items.map { "<p class=\"item\">- \(escape($0))</p>\n" }.joined()
            case .note(let text): html += "<p class=\"note\">\(escape(text))</p>\n"
            case .table(let headers, let rows):
                html += "<table class=\"data\"><thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                html += rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined()
                html += "</tbody></table>\n"
            case .pageBreak: html += "<div class=\"page-break\"></div>\n"
            }
        }
        return html
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
