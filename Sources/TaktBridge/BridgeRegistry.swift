import Foundation

/// The open environments by handle, and the last error message, shared by the C API's functions.
/// Handles are never reused, so a closed handle stays invalid.
enum BridgeRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var environments: [Int64: BridgeEnvironment] = [:]
    nonisolated(unsafe) private static var nextHandle: Int64 = 1
    nonisolated(unsafe) private static var lastError = ""

    static func add(_ environment: BridgeEnvironment) -> Int64 {
        lock.withLock {
            let handle = nextHandle
            nextHandle += 1
            environments[handle] = environment
            return handle
        }
    }

    static func environment(_ handle: Int64) throws -> BridgeEnvironment {
        let found = lock.withLock { environments[handle] }
        guard let found else { throw BridgeError(.badHandle, "no open environment has handle \(handle) (closed?)") }
        return found
    }

    static func remove(_ handle: Int64) -> BridgeEnvironment? {
        lock.withLock { environments.removeValue(forKey: handle) }
    }

    static var error: String {
        get { lock.withLock { lastError } }
        set { lock.withLock { lastError = newValue } }
    }

    /// Runs `body`, turning a thrown error into its code (0 on success) and the last error.
    static func call(_ body: () throws -> Void) -> Int32 {
        do {
            try body()
            return 0
        } catch let failure as BridgeError {
            error = failure.message
            return failure.code.rawValue
        } catch let other {
            error = "\(other)"
            return BridgeError.Code.runFailed.rawValue
        }
    }

    /// Copies `text` and a terminating NUL into `buffer` (as much as fits); returns the text's
    /// length in bytes, so that a caller whose buffer was too small can call again.
    static func copy(_ text: String, to buffer: UnsafeMutablePointer<CChar>?, size: Int32) -> Int32 {
        let bytes = Array(text.utf8)
        if let buffer, size > 0 {
            let count = min(bytes.count, Int(size) - 1)
            for index in 0..<count { buffer[index] = CChar(bitPattern: bytes[index]) }
            buffer[count] = 0
        }
        return Int32(clamping: bytes.count)
    }
}
