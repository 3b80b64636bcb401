import _CryptoExtras
import Crypto
import Foundation

/// A password as kept: scrypt (memory-hard) with its parameters and salt. Scrypt gives 64 bytes: the first 32 are kept
/// to check the password; the other 32, never kept, unlock the user's signing key. Knowing the first half tells
/// nothing of the second.
struct PasswordHash: Codable, Sendable, Equatable {
    let kdf: String
    /// Scrypt's N, r and p: 2^15, 8 and 1 cost 32 MiB and a fraction of a second a login, which is what makes
    /// guessing slow.
    let rounds: Int
    let blockSize: Int
    let parallelism: Int
    let salt: String
    let verifier: String

    static let standard = (rounds: 1 << 15, blockSize: 8, parallelism: 1)

    /// A new hash of `password` with a fresh salt, and the key it unlocks.
    static func make(_ password: String) throws -> (hash: PasswordHash, unlocking: SymmetricKey) {
        let salt = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let (verifier, unlocking) = try derive(password, salt: salt, rounds: standard.rounds, blockSize: standard.blockSize,
                                               parallelism: standard.parallelism)
        let hash = PasswordHash(kdf: "scrypt", rounds: standard.rounds, blockSize: standard.blockSize, parallelism: standard.parallelism,
                                salt: salt.base64EncodedString(), verifier: verifier.withUnsafeBytes { Data($0) }.base64EncodedString())
        return (hash, unlocking)
    }

    /// The key `password` unlocks, or nil when it is not the password (compared in constant time).
    func unlock(_ password: String) throws -> SymmetricKey? {
        guard kdf == "scrypt", let salt = Data(base64Encoded: salt), let kept = Data(base64Encoded: verifier) else { return nil }
        let (verifier, unlocking) = try Self.derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return verifier == SymmetricKey(data: kept) ? unlocking : nil
    }

    private static func derive(_ password: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int) throws
        -> (verifier: SymmetricKey, unlocking: SymmetricKey) {
        let derived = try KDF.Scrypt.deriveKey(from: Data(password.utf8), salt: salt, outputByteCount: 64, rounds: rounds,
                                               blockSize: blockSize, parallelism: parallelism).withUnsafeBytes { Data($0) }
        return (SymmetricKey(data: derived.prefix(32)), SymmetricKey(data: derived.suffix(32)))
    }
}
