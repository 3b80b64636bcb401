import Foundation
import QuorumCEL
import QuorumCore
@testable import QuorumFiles
import Testing

/// Mutated inputs, as a careless clerk or an attacker would write them: bundled definitions, results files, rosters
/// and CEL expressions, each changed at random. Nothing may trap or hang, and every refused file must be refused with
/// a located error. The seed is printed; `QUORUM_FUZZ_SEED` replays a run and `QUORUM_FUZZ_COUNT` runs longer.
struct FuzzTests {
    static let seed = ProcessInfo.processInfo.environment["QUORUM_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_211_130
    static let count = ProcessInfo.processInfo.environment["QUORUM_FUZZ_COUNT"].flatMap(Int.init) ?? 300
    /// The longest any one input may take.
    static let limit: TimeInterval = 5

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-fuzz-\(UUID().uuidString)")

    /// Characters that break things: line endings, quotes, brackets, YAML and CSV syntax, digits, Vietnamese letters.
    static let alphabet: [Character] = Array("\r\n\t \"'`[]{}(),:;#&*!|>-+.?%/\\0123456789eE9xXđĐươàảạ\u{0} \u{1B}")

    static func mutate(_ text: String, with generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !characters.isEmpty: characters.remove(at: position)
            case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: position)
            case 2 where !characters.isEmpty: characters[position] = alphabet.randomElement(using: &generator)!
            case 3 where characters.count > 2:
                // Repeat a slice, to grow lists, numbers and nesting.
                let end = min(characters.count, position + Int.random(in: 1...40, using: &generator))
                characters.insert(contentsOf: characters[position..<end], at: position)
            case 4:
                let digits = Array(String(repeating: "9", count: Int.random(in: 10...30, using: &generator)))
                characters.insert(contentsOf: digits, at: position)
            default:
                if !characters.isEmpty { characters.removeSubrange(position..<min(characters.count, position + 8)) }
            }
        }
        return String(characters)
    }

    private func timed(_ what: String, _ body: () -> Void) {
        let start = Date()
        body()
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < Self.limit, "\(what) took \(seconds) s (seed \(Self.seed))")
    }

    private func write(_ text: String, as name: String) -> String {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func celExpressionsNeverTrapOrHang() {
        print("fuzz seed \(Self.seed), \(Self.count * 10) CEL expressions (QUORUM_FUZZ_SEED, QUORUM_FUZZ_COUNT)")
        var generator = SeededGenerator(seed: Self.seed)
        let corpus = ["person.ratings.filter(y, y >= cycle.year - 3).size() == 3", "[1, 2, 3].map(x, x * 2).exists(y, y > 4)",
                      "timestamp('2021-03-18T14:00:00.123+07:00').getFullYear()", "'abc'.matches('^a(b|c)+$')",
                      "{'a': [1, 2u, 3.5, b'x'], 'b': null}.a[0] + 1", "has(person.x) ? person.x : optional.of(1).orValue(2)",
                      "duration('1h30m') + timestamp('2021-01-01T00:00:00Z') < timestamp('2022-01-01T00:00:00Z')",
                      "people.all(p, p.gender == 'nữ' || p.birth_date < timestamp('1990-01-01T00:00:00Z'))"]
        for _ in 0..<(Self.count * 10) {
            let source = Self.mutate(corpus.randomElement(using: &generator)!, with: &generator)
            timed("'\(source)'") {
                _ = (try? Program(parsing: source, declaring: ["person", "people", "cycle"]))?.evaluate(declared: [.null, .list([]), .null])
            }
        }
        // The shapes the issue found: a syntax error after a Windows line ending, a 40,000-operand chain, nested macros.
        #expect(throws: SyntaxError.self) { try Program(parsing: "1 +\r\n &&&") }
        #expect(throws: SyntaxError.self) { try Program(parsing: Array(repeating: "1", count: 40_000).joined(separator: " + ")) }
        // Each level reads the variable of the one around it, so that nothing in it is computed once and kept.
        let nested = "[1,2,3,4,5,6,7,8,9,10].map(a, [a,2,3,4,5,6,7,8,9,10].map(b, [b,2,3,4,5,6,7,8,9,10].map(c, "
            + "[c,2,3,4,5,6,7,8,9,10].map(d, [d,2,3,4,5,6,7,8,9,10].map(e, [e,2,3,4,5,6,7,8,9,10].map(f, [f,2,3,4,5,6,7,8,9,10])))))).size()"
        timed("nested macros") { #expect(try! Program(parsing: nested).evaluate().isError) }
        timed("a backtracking pattern") {
            #expect(try! Program(parsing: "'\(String(repeating: "a", count: 40))b'.matches('(a+)+$')").evaluate().isError)
        }
    }

    @Test func definitionFilesAreRefusedWithLocatedErrors() throws {
        var generator = SeededGenerator(seed: Self.seed &+ 1)
        let bundled = DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("workflows"), ProjectFolder.path("rules")])
        let texts = try bundled.map { ($0, try String(contentsOfFile: $0, encoding: .utf8)) }
        // Each round validates a whole project's worth of definitions: fewer rounds than for the other inputs.
        for round in 0..<max(20, Self.count / 10) {
            let (file, text) = texts.randomElement(using: &generator)!
            let name = (file as NSString).lastPathComponent
            let path = write(Self.mutate(text, with: &generator), as: name)
            let library = bundled.filter { ($0 as NSString).lastPathComponent != name }
            timed("\(name), round \(round)") {
                let catalog = DefinitionCatalog(files: [path], library: library)
                for problem in catalog.diagnostics where problem.severity == .error {
                    #expect(problem.location != nil, "an error without a place in \(name), round \(round): \(problem.message.english)")
                }
            }
        }
    }

    @Test func resultsAndRostersAreRefusedWithLocatedErrors() throws {
        var generator = SeededGenerator(seed: Self.seed &+ 2)
        let samples = ProjectFolder.path("samples/pho-chanh-van-phong-2021")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples).sorted().map { ($0, try String(contentsOfFile: "\(samples)/\($0)", encoding: .utf8)) }
        for round in 0..<Self.count {
            let (name, text) = files.randomElement(using: &generator)!
            let path = write(Self.mutate(text, with: &generator), as: name)
            timed("\(name), round \(round)") {
                do {
                    if name.hasPrefix("roster") { _ = try RosterReader.read(path) } else { _ = try ResultSheetReader.read(path, step: "buoc-2") }
                } catch let error as InputError {
                    #expect(!error.diagnostics.isEmpty)
                    for problem in error.diagnostics {
                        #expect(problem.location != nil, "an error without a place in \(name), round \(round): \(problem.message.english)")
                    }
                } catch {
                    Issue.record("\(name), round \(round): not an input error: \(error)")
                }
            }
        }
    }

    @Test func anAliasBombIsRefusedQuickly() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { bomb += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 9).joined(separator: ", ") + "]\n" }
        let path = write(bomb, as: "bomb.yaml")
        timed("an alias bomb") {
            do {
                _ = try ResultSheetReader.read(path, step: "buoc-2")
                Issue.record("an alias bomb is refused")
            } catch let error as InputError {
                #expect(error.diagnostics.first?.message.english.contains("expands to more than") == true)
                #expect(error.diagnostics.first?.location?.line == 1)
            } catch {
                Issue.record("not an input error: \(error)")
            }
        }
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so a failing run can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
