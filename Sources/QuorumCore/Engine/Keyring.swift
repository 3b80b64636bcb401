/// The public keys whose signatures an office trusts, each with the name of whose key it is.
public struct Keyring: Sendable, Equatable {
    private let names: [String: String]

    /// Names by public key (base64).
    public init(_ names: [String: String]) { self.names = names }

    public func name(of publicKey: String) -> String? { names[publicKey] }

    public var isEmpty: Bool { names.isEmpty }

    /// Both keyrings' keys; where both name a key, this one's name.
    public func merging(_ other: Keyring) -> Keyring { Keyring(names.merging(other.names) { mine, _ in mine }) }
}
