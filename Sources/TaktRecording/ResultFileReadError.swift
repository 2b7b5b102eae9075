/// Why a result file cannot be read, in words for the person who asked (`takt inspect`).
public struct ResultFileReadError: Error, CustomStringConvertible, Sendable {
    /// The file that was asked for.
    public let path: String
    /// What is wrong and, where there is one, what to do about it.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read \(path): \(reason)" }
}
