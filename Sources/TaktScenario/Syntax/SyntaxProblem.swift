/// Why a value's text could not be read, in words for the user.
public struct SyntaxProblem: Error, Equatable, Sendable {
    /// What is wrong and what was expected.
    public var message: String

    public init(_ message: String) { self.message = message }
}
