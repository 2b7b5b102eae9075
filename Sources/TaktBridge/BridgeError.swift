/// An error of the bridge, as the C API reports it: a code and a message.
public struct BridgeError: Error, Sendable, CustomStringConvertible {
    /// The codes the C API returns (negated where a function returns a handle or a count).
    public enum Code: Int32, Sendable {
        /// An argument is out of range or malformed (a null pointer, a negative size, an
        /// unknown decision kind or reward).
        case badArgument = 1
        /// No open environment has this handle (never opened, or closed).
        case badHandle = 2
        /// The scenario cannot be read: the message is the reader's `file:line:column: error: …`.
        case badScenario = 3
        /// No decision is waiting: the environment was not reset, or its episode is over.
        case noDecision = 4
        /// The action is not one of the pending decision's choices.
        case badAction = 5
        /// The run failed (the model's own message).
        case runFailed = 6
    }

    /// What kind of error.
    public var code: Code
    /// What went wrong, for a person.
    public var message: String

    /// An error with its code and message.
    ///
    /// - Parameters:
    ///   - code: the kind of error.
    ///   - message: what went wrong.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
