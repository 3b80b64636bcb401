import Crypto
import Foundation
import Synchronization

/// The hash chain over an instance's history: each event's SHA-256 covers its sequence, time, actor, content and
/// the previous event's hash. The first event points at a hash of the instance's id, so a history moved under another
/// instance's id no longer verifies.
public enum EventChain {
    /// The "previous hash" of the first event of histories written before 0.2, which did not bind the instance.
    public static let origin = String(repeating: "0", count: 64)

    /// The "previous hash" of an instance's first event.
    public static func origin(for instance: String) -> String { hex(SHA256.hash(data: Data("quorum-instance:\(instance)".utf8))) }

    public enum Problem: Equatable, Sendable {
        /// The event's content no longer matches the hash it was stored with.
        case altered(sequence: Int)
        /// The event does not point at the event before it (one was replaced, removed or inserted).
        case broken(sequence: Int)
        /// A sequence number is missing.
        case missing(after: Int)
        /// A pinned definition no longer matches its hash.
        case definitionAltered(hash: String)
        /// A definition the instance was pinned to is not in the store.
        case definitionMissing(hash: String)
        /// A protection of the store (an append-only trigger) is missing.
        case unprotected(String)
        /// The head of the chain is not the hash expected (newest events cut off, or others added).
        case unexpectedHead(expected: String, actual: String, revision: Int)
        /// A signature that is not its signer's signature of the event's hash (the event or the signature changed).
        case badSignature(sequence: Int)
        /// A history with signed events whose last event is not signed: events added or rewritten without a key.
        case unsignedHead(sequence: Int)
        /// A signature by a key the keyring does not trust.
        case untrustedSigner(sequence: Int, fingerprint: String)
    }

    /// The hash of one event: its sequence, time in milliseconds, actor and previous hash, then its stored payload bytes.
    static func hash(sequence: Int, at: Date, actor: String, payloadData: Data, previous: String) -> String {
        hex(digest(sequence: sequence, at: at, actor: actor, payloadData: payloadData, previous: previous))
    }

    /// The digest of one event, fed to SHA-256 in two parts so the payload's bytes are not copied.
    private static func digest(sequence: Int, at: Date, actor: String, payloadData: Data, previous: String) -> SHA256.Digest {
        // `sequence\nmilliseconds\nactor\nprevious\n`, then the payload: fed part by part, without building the header.
        var hasher = SHA256()
        for var part in [String(sequence), String(Int64((at.timeIntervalSince1970 * 1000).rounded())), actor, previous] {
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: UInt8(ascii: "\n")) { hasher.update(bufferPointer: $0) }
        }
        hasher.update(data: payloadData)
        return hasher.finalize()
    }

    /// Whether a link's hash is the digest of what it stores (its previous hash included), and its signature, when
    /// one is to be checked, is its signer's.
    private static func check(_ link: InstanceChain.Link, signature checked: Bool) -> (intact: Bool, signed: Bool) {
        let expected = digest(sequence: link.sequence, at: link.at, actor: link.actor, payloadData: link.payloadData, previous: link.previousHash)
        return (digest(expected, spells: link.hash), !checked || link.signature?.verifies(link.hash) ?? true)
    }

    /// Whether a digest is the one a lowercase hex string spells, compared without building a string.
    private static func digest(_ digest: SHA256.Digest, spells hex: String) -> Bool {
        func spells(_ nibble: UInt8, _ digit: UInt8) -> Bool {
            digit == (nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
        var hex = hex
        return hex.withUTF8 { digits in
            digits.count == SHA256.Digest.byteCount * 2 && digest.withUnsafeBytes { bytes in
                bytes.indices.allSatisfy { spells(bytes[$0] >> 4, digits[2 * $0]) && spells(bytes[$0] & 0x0f, digits[2 * $0 + 1]) }
            }
        }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical JSON a payload is stored as: sorted keys, ISO dates, and the stored forms of large payloads (a
    /// decision's threshold once per title, `TitleOutcome`; a record's votes as pairs, `TitleVotes`).
    public static func encode(_ payload: EventPayload) -> Data {
        if case .rosterImported(let roster) = payload { return encode(roster) }
        return (try? encoder.encode(payload)) ?? Data()
    }

    /// A roster's event encoded a row at a time: the same bytes as encoding the payload whole (a test holds them
    /// equal), without the encoder building a tree of every value of a large roster at once, which took most of an
    /// import's memory.
    private static func encode(_ roster: Roster) -> Data {
        func json(_ value: some Encodable) -> Data { (try? encoder.encode(value)) ?? Data() }
        var data = Data(#"{"rosterImported":{"_0":{"columns":"#.utf8)
        data += json(RosterTable.columns)
        data += Data(#","rows":["#.utf8)
        for (index, person) in roster.people.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data += json(RosterTable.Row(person: person))
        }
        data.append(UInt8(ascii: "]"))
        if let source = roster.source { data += Data(#","source":"#.utf8) + json(source) }
        data += Data("}}}".utf8)
        return data
    }

    public static func decode(_ data: Data) throws -> EventPayload { try decoder.decode(EventPayload.self, from: data) }

    /// Recomputes the chain and reports the first problem, or nil when the history is intact.
    public static func verify(_ log: InstanceLog, trusting keyring: Keyring? = nil) -> Problem? {
        verify(InstanceChain(log), trusting: keyring)
    }

    /// Recomputes the chain from the stored bytes and its signatures, and reports the first problem, or nil when the
    /// history is intact. Every signature must be its signer's, and by a key of `keyring` when one is given; once a
    /// history has a signed event its last event must be signed, so events added or rewritten without a key show.
    /// (A history stripped of every signature and hashed again reads as one written before signatures; the head hash
    /// written down elsewhere, `--anchor`, catches that.)
    ///
    /// `everySignature: false` checks only the head's signature cryptographically (still every signer against the
    /// keyring): through the chain it vouches for every event, which is all a list of many instances needs; who
    /// signed each earlier command is for `verify`, which checks them all. An Ed25519 check costs tens of
    /// microseconds, and a list of a province's instances holds thousands of signed commands.
    public static func verify(_ chain: InstanceChain, trusting keyring: Keyring? = nil, everySignature: Bool = true) -> Problem? {
        // Each event's hash and signature checked on every core, the links between them in order below: an event's
        // hash covers the previous hash it stores, which must then be the hash before it.
        let links = chain.links, last = links.count - 1
        let checked = Array(links.indices).concurrentMap(minimum: 1_000) { index in
            check(links[index], signature: everySignature || index == last)
        }
        var previous = origin(for: chain.header.id), signed = false
        for (index, link) in links.enumerated() {
            if link.sequence != index + 1 { return .missing(after: index) }
            if index == 0, link.previousHash == origin { previous = origin }
            if link.previousHash != previous { return .broken(sequence: link.sequence) }
            if !checked[index].intact { return .altered(sequence: link.sequence) }
            if let signature = link.signature {
                if !checked[index].signed { return .badSignature(sequence: link.sequence) }
                if let keyring, keyring.name(of: signature.signer) == nil {
                    return .untrustedSigner(sequence: link.sequence, fingerprint: signature.fingerprint)
                }
                signed = true
            }
            previous = link.hash
        }
        if signed, let head = chain.links.last, head.signature == nil { return .unsignedHead(sequence: head.sequence) }
        for pinned in chain.pinned where chain.definitions[pinned] == nil {
            return .definitionMissing(hash: pinned)
        }
        for (hash, json) in chain.definitions where !isIntact(hash, json) {
            return .definitionAltered(hash: hash)
        }
        return nil
    }

    /// Definitions found to match their hash in this process. The same bytes again (a list of instances pinned to one
    /// definition) are compared, not hashed again; other bytes under a known hash are hashed.
    private static let intactDefinitions = Mutex<[String: Data]>([:])

    static func isIntact(_ hash: String, _ json: Data) -> Bool {
        if intactDefinitions.withLock({ $0[hash] == json }) { return true }
        guard PinnedDefinition(hash: hash, json: json).recomputedHash == hash else { return false }
        intactDefinitions.withLock { $0[hash] = json }
        return true
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.userInfo[.writesEvent] = true
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

extension CodingUserInfoKey {
    /// Set on the encoder that writes events, whose payloads some types store in a form of their own.
    static let writesEvent = CodingUserInfoKey(rawValue: "quorum.writes-event")!
}

extension Encoder {
    /// Whether this encoder writes an event (a payload's stored form), not output for people and programs.
    var writesEvent: Bool { userInfo[.writesEvent] as? Bool == true }
}
