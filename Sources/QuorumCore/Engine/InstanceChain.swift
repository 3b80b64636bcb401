import Foundation

/// An instance's history as its hash chain sees it: every event's sealed fields with the payload left as stored
/// bytes, and only the events whose payload a reader asked for decoded. Verifying a long history needs the bytes, not
/// the payloads, and decoding was most of the work.
public struct InstanceChain: Sendable {
    /// One event as the chain covers it.
    public struct Link: Sendable {
        public let sequence: Int
        public let at: Date
        public let actor: String
        public let payloadData: Data
        public let previousHash: String
        public let hash: String

        public init(sequence: Int, at: Date, actor: String, payloadData: Data, previousHash: String, hash: String) {
            self.sequence = sequence
            self.at = at
            self.actor = actor
            self.payloadData = payloadData
            self.previousHash = previousHash
            self.hash = hash
        }

        init(_ event: Event) {
            self.init(sequence: event.sequence, at: event.at, actor: event.actor, payloadData: event.payloadData,
                      previousHash: event.previousHash, hash: event.hash)
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

        /// The event with its payload decoded.
        public func event(_ payload: EventPayload) -> Event {
            Event(sequence: sequence, at: at, actor: actor, payload: payload, payloadData: payloadData, previousHash: previousHash, hash: hash)
        }
    }

    public let header: InstanceHeader
    public let links: [Link]
    /// The events whose payload case was asked for (always those that pin a definition), decoded, in order.
    public let events: [Event]
    /// Canonical definition JSON by hash, for every definition the instance was pinned to.
    public let definitions: [String: Data]

    /// Payload cases that pin a definition: a chain always decodes them, to check the definitions are kept.
    public static let pinning: Set<String> = ["started", "migrated"]

    public init(header: InstanceHeader, links: [Link], events: [Event], definitions: [String: Data]) {
        self.header = header
        self.links = links
        self.events = events
        self.definitions = definitions
    }

    /// A loaded history as a chain, every event decoded.
    public init(_ log: InstanceLog) {
        self.init(header: log.header, links: log.events.map(Link.init), events: log.events, definitions: log.definitions)
    }
}
