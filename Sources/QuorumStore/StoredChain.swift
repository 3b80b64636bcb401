import Foundation
import QuorumCore

/// What every store does with the rows it read back: decides which payloads to decode, decodes them, and names the
/// row that cannot be read instead of stopping the program. SQLite and PostgreSQL read their rows differently and
/// assemble the chain here alike.
enum StoredChain {
    /// The instance's chain with the payloads of `cases` decoded (every payload when nil), and the definitions its
    /// events pin, from `definition` (which a store may answer from what it read earlier in the same transaction).
    /// A payload whose case cannot be read from its bytes is decoded, so nothing pinned goes unchecked.
    static func assemble(_ header: InstanceHeader, links: [InstanceChain.Link], decoding cases: Set<String>?,
                         definition: (String) throws -> Data?) throws -> InstanceChain {
        let instance = header.id
        // What each event's bytes say, read once (each read through the array copied the whole link): its case, and
        // the definition a `started` event in canonical form pins.
        let shapes = links.map { (kind: $0.payloadCase, pins: $0.startedHash) }
        // Decoded: the cases asked for, payloads whose case the bytes do not say, and events that pin a definition
        // unless the bytes say which.
        let wanted = cases.map { cases in
            shapes.indices.filter { index in
                guard let kind = shapes[index].kind else { return true }
                return cases.contains(kind) || (InstanceChain.pinning.contains(kind) && shapes[index].pins == nil)
            }
        } ?? Array(links.indices)
        let decoded = decodeAll(wanted, of: links)
        let events = try zip(wanted, decoded).map { index, event in
            try readable("event of \(instance)", "sequence \(links[index].sequence): \(String(decoding: links[index].payloadData.prefix(120), as: UTF8.self))") {
                try event.get()
            }
        }
        // What each event pins: from its payload when decoded, else from its bytes.
        var pins = shapes.map(\.pins)
        for (index, event) in zip(wanted, events) { pins[index] = event.payload.pinnedHash }
        let pinned = pins.compactMap { $0 }
        var definitions: [String: Data] = [:]
        for hash in pinned { definitions[hash] = try definition(hash) }
        return InstanceChain(header: header, links: links, events: events, pinned: pinned, definitions: definitions)
    }

    /// The events at `wanted` with their payloads decoded, on every core when there is much to decode (a long
    /// history, or a large roster or sheet among a few events): decoding is most of reading a history, and each
    /// payload decodes alone. The results keep the order of the events.
    private static func decodeAll(_ wanted: [Int], of links: [InstanceChain.Link]) -> [Result<Event, any Error>] {
        let large = wanted.count >= 1_000 || wanted.reduce(0) { $0 + links[$1].payloadData.count } >= 1 << 20
        return wanted.concurrentMap(minimum: large ? 2 : .max) { index in
            Result { links[index].event(try EventChain.decode(links[index].payloadData)) }
        }
    }

    /// A signature from its two columns, both or neither.
    static func signature(signer: String?, value: String?) -> EventSignature? {
        guard let signer, let value else { return nil }
        return EventSignature(signer: signer, value: value)
    }

    /// A stored time to its millisecond, as the hash chain keeps times: each store keeps times its own way (SQLite as
    /// text to the millisecond, PostgreSQL in microseconds), and the same history reads back the same from either.
    static func millisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Decodes a row, or says which row of the store could not be read, instead of stopping the program. The words
    /// are made only for a row that cannot be read: a history of 100,000 events read them for every row.
    static func readable<T>(_ what: @autoclosure () -> String, _ row: @autoclosure () -> String, _ decode: () throws -> T) throws -> T {
        do {
            return try decode()
        } catch {
            throw StoreError.unreadableRow(what: what(), row: row(), reason: "\(error)")
        }
    }
}
