/// A comparison that cannot be made as asked (unknown or repeated variants, a bad warm-up).
public struct ComparisonError: Error, CustomStringConvertible, Sendable {
    /// One sentence saying what is wrong and what would be right.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
