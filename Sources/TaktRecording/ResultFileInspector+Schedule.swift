import CHDF5
import Foundation

extension ResultFileInspector {
    /// The summary of a `takt schedule` file (root attribute `kind` = `schedule`; layout in
    /// docs/hdf5-layout.md): the instance, the makespan beside its lower bound and the gap, and
    /// how the search ran. Nil for any other file.
    static func schedule(_ file: hid_t) -> [String]? {
        guard HDF5Reading.stringAttribute(file, "kind") == "schedule" else { return nil }
        let group = H5Gopen2(file, "schedule", takt_h5p_default())
        guard group >= 0 else { return ["schedule: (no /schedule group: the file was not closed)"] }
        defer { H5Gclose(group) }
        var lines = ["schedule:"]
        for name in ["instance_file", "format"] {
            if let value = HDF5Reading.stringAttribute(group, name) { lines.append("  \(name): \(value)") }
        }
        if let jobs = HDF5Reading.integerAttribute(group, "jobs"),
           let machines = HDF5Reading.integerAttribute(group, "machines") {
            lines.append("  size: \(jobs) jobs × \(machines) machines")
        }
        if let makespan = HDF5Reading.integerAttribute(group, "makespan"),
           let bound = HDF5Reading.integerAttribute(group, "lower_bound") {
            let source = HDF5Reading.stringAttribute(group, "lower_bound_source").map { " (\($0) bound)" } ?? ""
            let gap = bound > 0 ? String(format: "%.2f%%", 100 * Double(makespan - bound) / Double(bound)) : "–"
            lines.append("  makespan: \(makespan), lower bound \(bound)\(source), gap \(gap)")
        }
        if let rows = HDF5Reading.rowCount(group, "operations") { lines.append("  operations: \(rows) rows") }
        var search: [String] = []
        if let rule = HDF5Reading.stringAttribute(group, "start_rule") { search.append("started from \(rule)") }
        if let iterations = HDF5Reading.integerAttribute(group, "iterations") {
            search.append("\(iterations) iterations")
        }
        if let walkers = HDF5Reading.integerAttribute(group, "walkers") { search.append("\(walkers) walkers") }
        if let seed = HDF5Reading.integerAttribute(group, "seed") { search.append("seed \(seed)") }
        if let seconds = HDF5Reading.doubleAttribute(group, "seconds") {
            search.append(String(format: "%.2f s", seconds))
        }
        if HDF5Reading.integerAttribute(group, "interrupted") == 1 { search.append("interrupted: best so far") }
        if !search.isEmpty { lines.append("  search: " + search.joined(separator: ", ")) }
        return lines
    }
}
