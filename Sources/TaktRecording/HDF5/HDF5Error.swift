import CHDF5

/// A failed HDF5 call, with what Takt was doing and HDF5's own error stack.
public struct HDF5Error: Error, CustomStringConvertible, Sendable {
    /// What was being done, e.g. "create dataset events".
    public let operation: String
    /// HDF5's error stack, from the API call down to the cause, one "description (function)"
    /// per frame; empty when HDF5 recorded nothing (the failure was Takt's own check).
    public let stack: [String]
    /// The most specific message: the innermost frame, or Takt's own explanation.
    public let message: String

    /// An error with HDF5's stack, or with `message` alone when the failure was detected by Takt.
    public init(operation: String, message: String, stack: [String] = []) {
        self.operation = operation
        self.message = message
        self.stack = stack
    }

    public var description: String { "HDF5: cannot \(operation): \(message)" }

    /// The description followed by every frame of HDF5's stack, for logs and bug reports.
    public var fullDescription: String {
        ([description] + stack.map { "  " + $0 }).joined(separator: "\n")
    }
}

/// Throws an `HDF5Error` for a negative id, otherwise returns it.
@discardableResult
func check(_ id: hid_t, _ operation: @autoclosure () -> String) throws -> hid_t {
    if id < 0 { throw HDF5Error.fromStack(operation()) }
    return id
}

/// Throws an `HDF5Error` for a negative status.
func check(_ status: herr_t, _ operation: @autoclosure () -> String) throws {
    if status < 0 { throw HDF5Error.fromStack(operation()) }
}

extension HDF5Error {
    /// The error for `operation` from the calling thread's HDF5 error stack, which is then cleared.
    static func fromStack(_ operation: String) -> HDF5Error {
        let frames = currentHDF5ErrorStack()
        let message = frames.lazy.compactMap(systemReason).last ?? frames.last ?? "unknown HDF5 error"
        return HDF5Error(operation: operation, message: message, stack: frames)
    }

    /// The operating system's reason inside a frame of HDF5's file driver, such as "No space
    /// left on device" from "file write failed: time = …, errno = 28, error message = 'No space
    /// left on device', …", or nil when the frame has none.
    static func systemReason(_ frame: String) -> String? {
        guard let start = frame.range(of: "error message = '") else { return nil }
        let rest = frame[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let what = frame.prefix { $0 != ":" }
        return "\(what): \(rest[..<end])"
    }
}

/// The calling thread's HDF5 error stack (API call first, cause last); the stack is cleared.
/// Error stacks are per thread, so this must run on the thread of the failed call.
func currentHDF5ErrorStack() -> [String] {
    var frames: [String] = []
    withUnsafeMutablePointer(to: &frames) { pointer in
        _ = H5Ewalk2(takt_h5e_default(), H5E_WALK_DOWNWARD, { _, error, client -> herr_t in
            guard let error, let client else { return 0 }
            let description = error.pointee.desc.map { String(cString: $0) } ?? "?"
            let function = error.pointee.func_name.map { String(cString: $0) } ?? "?"
            client.assumingMemoryBound(to: [String].self).pointee.append("\(description) (\(function))")
            return 0
        }, pointer)
    }
    H5Eclear2(takt_h5e_default())
    return frames
}

/// Turns off HDF5's printing of error stacks on this thread (errors are thrown instead).
func silenceHDF5Errors() { takt_h5_silence_errors() }
