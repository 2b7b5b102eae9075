import CHDF5
import Foundation

extension ResultFileInspector {
    /// Opens `path` read-only, or throws a `ResultFileReadError` that says why not and what to do:
    /// a missing file, a directory, a file being written (locked), a `.partial` left by a killed
    /// run (`h5clear -s`), or a file that is not HDF5 at all.
    static func openReadOnly(_ path: String) throws -> hid_t {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let partial = FileManager.default.fileExists(atPath: path + ".partial")
            throw ResultFileReadError(path: path, reason: "no such file" + (partial
                ? "; \(path).partial exists (a run that was killed or is still writing): inspect that" : ""))
        }
        if isDirectory.boolValue {
            throw ResultFileReadError(path: path, reason: "it is a directory, not a result file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ResultFileReadError(path: path, reason: "permission denied")
        }
        silenceHDF5Errors()
        let file = H5Fopen(path, takt_h5f_acc_rdonly(), takt_h5p_default())
        if file >= 0 { return file }
        let error = HDF5Error.fromStack("open \(path)")
        let stack = error.stack.joined(separator: "; ").lowercased()
        if stack.contains("unable to lock") {
            throw ResultFileReadError(path: path, reason: """
                another process holds it open (HDF5 locks a file while it is written). To look anyway, run \
                `HDF5_USE_FILE_LOCKING=FALSE takt inspect \(path)`; what it shows may be incomplete
                """)
        }
        if path.hasSuffix(".partial") {
            throw ResultFileReadError(path: path, reason: """
                HDF5 cannot open it (\(error.message)). The run that wrote it did not close it: it was killed \
                or crashed (or is still writing, and was read without its lock). Run `h5clear -s \(path)` \
                (package hdf5-tools), then inspect it again: the rows flushed before the crash become readable
                """)
        }
        if stack.contains("signature") {
            throw ResultFileReadError(path: path, reason: "not an HDF5 file")
        }
        throw ResultFileReadError(path: path, reason: "HDF5 cannot open it: \(error.message)")
    }
}
