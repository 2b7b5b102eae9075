import CHDF5

extension ResultFileInspector {
    /// A line on /summary/comparison when the file holds one (written by `takt compare`).
    static func comparison(_ file: hid_t) -> [String] {
        guard let count = HDF5Reading.rowCount(file, "summary/comparison") else { return [] }
        return ["comparison: \(count) rows in /summary/comparison (paired differences between variants; "
                + "in Python: takt_h5.comparison(FILE))"]
    }
}
