import Foundation

/// The rules every file Takt writes follows (`--out`, `--gantt`, `--save-models`), checked
/// before any simulation starts so a bad path costs nothing:
/// - the path is not empty and does not name a directory;
/// - an existing file is replaced only with `--force`, and only if it is a regular file (never a
///   device, pipe or socket such as /dev/full);
/// - the parent directory exists (a missing one is created, and Takt says so) and is writable;
/// - the new content is written beside the target and renamed over it at the end, so the old
///   file stays whole until its replacement is.
enum OutputPath {
    /// Checks that `path` may be written; `option` names the flag in messages.
    /// - Throws: `InputError` saying what is wrong and what to do.
    static func check(_ path: String, option: String, force: Bool) throws {
        guard !path.isEmpty else { throw InputError(message: "\(option): the path is empty; name a file") }
        if path.hasSuffix("/") { throw InputError(message: "\(option) \(path) names a directory; name a file in it") }
        switch kind(of: path) {
        case .missing: break
        case .directory: throw InputError(message: "\(option) \(path) is a directory; name a file in it")
        case .other:
            throw InputError(message: "\(option) \(path) exists and is not a regular file (a device, pipe or socket); "
                + "Takt replaces only regular files, even with --force")
        case .regular:
            guard force else {
                throw InputError(message: "\(path) exists; choose another \(option) or add --force to replace it")
            }
        }
        try prepareParent(of: path, option: option)
    }

    /// Creates the parent directory of `path` if it is missing (saying so on standard error), and
    /// checks that it is a writable directory.
    static func prepareParent(of path: String, option: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        switch kind(of: directory) {
        case .directory: break
        case .missing:
            try makeDirectories(directory, option: option)
            FileHandle.standardError.write(Data("takt: created the directory \(directory) for \(option)\n".utf8))
        case .regular, .other:
            throw InputError(message: "\(option) \(path): \(directory) is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw InputError(message: "\(option) \(path): cannot write in \(directory): "
                                 + "\(String(cString: strerror(errno)))")
        }
    }

    /// Writes `data` to `path` atomically: to `<path>.partial`, then renamed over `path`. On any
    /// error the partial file is removed and `path` is as it was.
    /// - Throws: `RunError` with the system's reason (for instance "No space left on device").
    static func write(_ data: Data, to path: String, option: String) throws {
        let temporary = path + ".partial"
        func fail(_ what: String) -> RunError {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return RunError(message: "\(option): cannot \(what) \(path): \(reason)")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw fail("write") }
        var failed = false
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        if failed || fsync(descriptor) != 0 {
            let saved = errno
            close(descriptor)
            errno = saved
            throw fail("write")
        }
        guard close(descriptor) == 0 else { throw fail("write") }
        guard rename(temporary, path) == 0 else { throw fail("replace") }
    }

    /// Removes a leftover `<path>.partial` (a killed run's data) when `--force` allows it.
    static func clearPartial(of path: String, option: String, force: Bool) throws {
        let partial = path + ".partial"
        switch kind(of: partial) {
        case .missing: return
        case .regular where force:
            guard unlink(partial) == 0 else {
                throw InputError(message: "cannot remove \(partial): \(String(cString: strerror(errno)))")
            }
        case .regular:
            throw InputError(message: "\(partial) exists (a killed or running run; see `takt inspect \(partial)`); "
                + "choose another \(option) or add --force to replace it")
        case .directory, .other:
            throw InputError(message: "\(partial) exists and is not a regular file; remove it or choose "
                                 + "another \(option)")
        }
    }

    private enum Kind { case missing, regular, directory, other }

    /// What is at `path` (following symbolic links).
    private static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// `mkdir -p` with the system's reason on failure.
    private static func makeDirectories(_ directory: String, option: String) throws {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if kind(of: prefix) == .directory { continue }
            guard mkdir(prefix, 0o755) == 0 || errno == EEXIST else {
                throw InputError(message: "\(option): cannot create the directory \(prefix): "
                                     + "\(String(cString: strerror(errno)))")
            }
            if kind(of: prefix) != .directory {
                throw InputError(message: "\(option): \(prefix) exists and is not a directory")
            }
        }
    }
}
