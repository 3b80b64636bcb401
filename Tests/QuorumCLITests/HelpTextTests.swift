import Foundation
import Testing

/// Every `--help` page as a user reads it: no stray characters, nothing said twice.
struct HelpTextTests {
    /// The subcommand names, as the top-level help lists them.
    private func subcommands(_ quorum: QuorumProcess) throws -> [String] {
        let help = try quorum.run("--help").output
        let listing = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        return listing.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), let first = line.split(separator: " ").first, first.first?.isLetter == true else { return nil }
            return String(first)
        }
    }

    @Test func noHelpPageHasAStrayBackslashOrARepeatedSentence() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let commands = try subcommands(quorum)
        #expect(commands.count >= 15, "\(commands)")
        for command in commands {
            let page = try quorum.run("help", command).output
            #expect(!page.isEmpty, "quorum help \(command) printed nothing")
            for line in page.split(separator: "\n") {
                #expect(!line.hasSuffix("\\"), "quorum help \(command): \(line)")
            }
            let prose = page.components(separatedBy: "USAGE:").first ?? page
            let sentences = prose.replacingOccurrences(of: "\n", with: " ")
                .split(separator: ".").map { $0.split(separator: " ").joined(separator: " ") }
                .filter { $0.count > 20 }
            let repeated = Dictionary(grouping: sentences, by: { $0 }).filter { $0.value.count > 1 }.keys
            #expect(repeated.isEmpty, "quorum help \(command) repeats: \(Array(repeated))")
        }
    }
}
