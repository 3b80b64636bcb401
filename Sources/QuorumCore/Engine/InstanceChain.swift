import Foundation

/// An instance's history as its hash chain sees it: every event's sealed fields with the payload left as stored
/// bytes, the definitions it pins, and only the events whose payload a reader asked for decoded. Verifying a long
/// history needs the bytes, not the payloads, and decoding was most of the work.
public struct InstanceChain: Sendable {
    /// One event as the chain covers it.
    public struct Link: Sendable {
        public let sequence: Int
        public let at: Date
        public let actor: String
        public let payloadData: Data
        public let previousHash: String
        public let hash: String
        public let signature: EventSignature?

        public init(sequence: Int, at: Date, actor: String, payloadData: Data, previousHash: String, hash: String,
                    signature: EventSignature? = nil) {
            self.sequence = sequence
            self.at = at
            self.actor = actor
            self.payloadData = payloadData
            self.previousHash = previousHash
            self.hash = hash
            self.signature = signature
        }

        init(_ event: Event) {
            self.init(sequence: event.sequence, at: event.at, actor: event.actor, payloadData: event.payloadData,
                      previousHash: event.previousHash, hash: event.hash, signature: event.signature)
        }

        /// The payload's case (`started`, `recorded`, …) read from the stored bytes, which the hash covers: the one
        /// key of the canonical JSON object `{"started":{…}}`. Nil for bytes of another shape.
        public var payloadCase: String? {
            payloadData.withUnsafeBytes { bytes -> String? in
                let quote = UInt8(ascii: "\"")
                guard bytes.count > 2, bytes[0] == UInt8(ascii: "{"), bytes[1] == quote,
                      let end = (2..<min(bytes.count, 64)).first(where: { bytes[$0] == quote }) else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[2..<end]), as: UTF8.self)
            }
        }

        /// The definition hash a `started` event pins, read from its stored bytes when they are exactly the canonical
        /// `{"started":{"_0":{"definitionHash":"<64 hex digits>","workflow":"<id>"}}}` (an id without quotes or
        /// escapes), so that a list of instances need not decode every first event; nil for any other bytes, which
        /// are decoded instead.
        public var startedHash: String? {
            let prefix = #"{"started":{"_0":{"definitionHash":""#.utf8, middle = #"","workflow":""#.utf8, suffix = #""}}}"#.utf8
            return payloadData.withUnsafeBytes { bytes -> String? in
                let hashStart = prefix.count, middleStart = hashStart + 64, idStart = middleStart + middle.count
                guard bytes.count > idStart + suffix.count, bytes.starts(with: prefix),
                      bytes[hashStart..<middleStart].allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
                      bytes[middleStart..<idStart].elementsEqual(middle),
                      bytes[(bytes.count - suffix.count)...].elementsEqual(suffix),
                      !bytes[idStart..<(bytes.count - suffix.count)].contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
                else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[hashStart..<middleStart]), as: UTF8.self)
            }
        }

        /// The event with its payload decoded.
        public func event(_ payload: EventPayload) -> Event {
            Event(sequence: sequence, at: at, actor: actor, payload: payload, payloadData: payloadData, previousHash: previousHash, hash: hash,
                  signature: signature)
        }
    }

    public let header: InstanceHeader
    public let links: [Link]
    /// The events whose payload case was asked for, decoded, in order.
    public let events: [Event]
    /// The hashes of the definitions the history pins, in order (from `started` and `migrated` events).
    public let pinned: [String]
    /// Canonical definition JSON by hash, for every definition the instance was pinned to.
    public let definitions: [String: Data]

    /// Payload cases that pin a definition: a chain always reads their hash (from the bytes or decoded), to check the
    /// definitions are kept.
    public static let pinning: Set<String> = ["started", "migrated"]

    public init(header: InstanceHeader, links: [Link], events: [Event], pinned: [String], definitions: [String: Data]) {
        self.header = header
        self.links = links
        self.events = events
        self.pinned = pinned
        self.definitions = definitions
    }

    /// A loaded history as a chain, every event decoded.
    public init(_ log: InstanceLog) {
        self.init(header: log.header, links: log.events.map(Link.init), events: log.events,
                  pinned: log.events.compactMap(\.payload.pinnedHash), definitions: log.definitions)
    }
}
