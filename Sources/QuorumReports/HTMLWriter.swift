/// Writes an official document as a self-contained, print-ready HTML page (A4, Times New Roman 13–14 pt, the
/// two-column header of Vietnamese administrative documents).
public enum HTMLWriter {
    public static func write(_ documents: [OfficialDocument]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(escape(documents.first?.title ?? "Quorum"))</title>
            <style>
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.35; max-width: 165mm; margin: auto; }
            .header { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
            .header td { text-align: center; vertical-align: top; font-size: 13pt; padding: 0; }
            .header .motto { font-weight: bold; }
            .header .rule { display: inline-block; border-top: 1px solid black; width: 50%; }
            .dateline { font-style: italic; }
            h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; }
            .subtitle { text-align: center; font-weight: bold; margin: 2pt 0 12pt; }
            h2 { font-size: 14pt; margin: 12pt 0 6pt; }
            p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
            table.data { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; font-size: 13pt; }
            table.data th, table.data td { border: 1px solid black; padding: 3pt 5pt; }
            table.data th { text-align: center; }
            .signatures { width: 100%; margin-top: 18pt; }
            .signatures td { text-align: center; vertical-align: top; }
            .signatures .name { padding-top: 60pt; font-weight: bold; }
            .recipients { font-size: 12pt; }
            .page-break { page-break-after: always; }
            pre.mermaid { font-size: 10pt; white-space: pre-wrap; }
            p.item { text-align: left; text-indent: 0; padding-left: 1cm; }
            p.note { text-align: left; text-indent: 0; font-size: 10pt; overflow-wrap: anywhere; margin-top: 12pt; }
            table.data td:nth-child(2) { white-space: nowrap; }
            table.data td:first-child, table.data td:nth-child(3) { text-align: center; }
            </style>
            </head>
            <body>

            """
        for (index, document) in documents.enumerated() {
            if index > 0 { html += "<div class=\"page-break\"></div>\n" }
            html += section(document)
        }
        // Diagrams are drawn by Mermaid when the page is opened online; offline, their source stays readable.
        let diagrams = documents.contains { $0.blocks.contains(where: \.isDiagram) || $0.appendices.contains(where: \.isDiagram) }
        if diagrams {
            html += "<script type=\"module\">import mermaid from \"https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs\"; mermaid.initialize({ startOnLoad: true });</script>\n"
        }
        return html + "</body>\n</html>\n"
    }

    private static func section(_ document: OfficialDocument) -> String {
        var html = "<table class=\"header\"><tr><td>"
        if let parent = document.parentOrganization { html += escape(parent) + "<br>" }
        html += "<b>\(escape(document.organization))</b><br><span class=\"rule\"></span><br>\(escape(document.number))</td>"
        html += "<td><span class=\"motto\">\(OfficialDocument.motto)</span><br><b>\(OfficialDocument.mottoLine)</b><br><span class=\"rule\"></span><br>"
        html += "<span class=\"dateline\">\(escape(document.dateline))</span></td></tr></table>\n"
        html += "<h1>\(escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { html += "<div class=\"subtitle\">\(escape(subtitle))</div>\n" }
        html += blocks(document.blocks)
        html += "<table class=\"signatures\"><tr>"
        if !document.recipients.isEmpty {
            html += "<td class=\"recipients\" style=\"text-align:left\"><i><b>Nơi nhận:</b></i><br>"
                + document.recipients.map { "- " + escape($0) }.joined(separator: "<br>") + "</td>"
        }
        for signature in document.signatures {
            html += "<td><b>\(escape(signature.role))</b><br><i>(Ký, ghi rõ họ tên)</i><div class=\"name\">\(escape(signature.name ?? ""))</div></td>"
        }
        return html + "</tr></table>\n" + blocks(document.appendices)
    }

    private static func blocks(_ blocks: [OfficialDocument.Block]) -> String {
        var html = ""
        for block in blocks {
            switch block {
            case .heading(let text): html += "<h2>\(escape(text))</h2>\n"
            case .paragraph(let text): html += "<p>\(escape(text))</p>\n"
            case .bullets(let items): html += items.map { "<p class=\"item\">- \(escape($0))</p>\n" }.joined()
            case .note(let text): html += "<p class=\"note\">\(escape(text))</p>\n"
            case .table(let headers, let rows):
                html += "<table class=\"data\"><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                html += rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined()
                html += "</table>\n"
            case .diagram(let source): html += "<pre class=\"mermaid\">\(escape(source))</pre>\n"
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
