import CHDF5

/// A failed HDF5 call, with what Takt was doing and HDF5's own message.
public struct HDF5Error: Error, CustomStringConvertible, Sendable {
    /// What was being done, e.g. "create dataset events".
    public let operation: String
    /// The innermost message of HDF5's error stack.
    public let message: String

    public var description: String { "HDF5: cannot \(operation): \(message)" }
}

/// Throws an `HDF5Error` for a negative id, otherwise returns it.
@discardableResult
func check(_ id: hid_t, _ operation: @autoclosure () -> String) throws -> hid_t {
    if id < 0 { throw HDF5Error(operation: operation(), message: lastHDF5Message()) }
    return id
}

/// Throws an `HDF5Error` for a negative status.
func check(_ status: herr_t, _ operation: @autoclosure () -> String) throws {
    if status < 0 { throw HDF5Error(operation: operation(), message: lastHDF5Message()) }
}

/// The current thread's innermost HDF5 error message (the stack is cleared).
func lastHDF5Message() -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    takt_h5_last_error(&buffer)
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    let message = String(decoding: bytes, as: UTF8.self)
    return message.isEmpty ? "unknown HDF5 error" : message
}

/// Turns off HDF5's printing of error stacks on this thread (errors are thrown instead).
func silenceHDF5Errors() { takt_h5_silence_errors() }
