/// How a count is compared with its share of the base.
public enum Comparison: String, Codable, Sendable, CaseIterable {
    /// Strictly more than the share: "trên 50%".
    case moreThan = "more-than"
    /// The share or more: "từ 2/3 trở lên".
    case atLeast = "at-least"

    public var symbol: String { self == .moreThan ? ">" : "≥" }
    public var negatedSymbol: String { self == .moreThan ? "≤" : "<" }

    func holds(_ left: Int, _ right: Int) -> Bool {
        self == .moreThan ? left > right : left >= right
    }
}
