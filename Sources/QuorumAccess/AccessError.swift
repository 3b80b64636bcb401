/// Why a user cannot be added, changed or signed in, as data the command line words.
public enum AccessError: Error, Equatable, Sendable {
    case unknownUser(String, likely: String?)
    case userExists(String)
    /// Ids are lowercase letters, digits, `.`, `-` and `_`, as they are typed to sign in.
    case badUserID(String)
    case weakPassword(minimum: Int)
    case noRole
    case unknownUnit(String, likely: String?)
    /// A wrong password, or no such user: the two are not told apart to whoever signs in.
    case wrongPassword
    case disabled(String)
    /// A user whose sealed key does not open with their own password: the file was changed outside Quorum.
    case damagedUser(String)
    case unreadableFile(path: String, reason: String)
}
