import CHDF5

extension ResultFile {
    /// The layout version written to every file's `format_version` (docs/hdf5-layout.md).
    /// 1.1 added the comparison table and per-variant lookups; 1.0 readers can read 1.1 files.
    /// Its own number, not the release's: CHANGELOG.md ("Versions") says which release writes
    /// which format, and scripts/tests/test_versions.py checks every copy of it.
    public static let formatVersion = "1.2"

    /// Writes /summary/comparison: paired differences of KPIs between variants.
    ///
    /// - Parameters:
    ///   - variants: the variants compared, the reference first (dataset attribute `variants`).
    ///   - streams: `"common"` (common random numbers) or `"independent"` (attribute `streams`).
    ///   - warmUp: the warm-up in seconds that every variant used (attribute `warm_up`).
    public func writeComparison(_ rows: [SummaryComparisonRow], variants: [String], streams: String,
                                warmUp: Double) throws {
        lock.lock(); defer { lock.unlock() }
        silenceHDF5Errors()
        try ensureOpen("write the comparison")
        let group = try HDF5Objects.group(file, "summary")
        defer { H5Gclose(group) }
        var table = SmallTable([
            ("kpi", .string), ("unit", .string), ("variant_a", .string), ("variant_b", .string),
            ("mean_a", .double), ("half_width_a", .double), ("mean_b", .double), ("half_width_b", .double),
            ("difference", .double), ("difference_half_width", .double), ("relative_change", .double),
            ("significant", .uint8), ("n", .int32), ("level", .double),
        ])
        table.rows = rows.map {
            [.string($0.kpi), .string($0.unit), .string($0.variantA), .string($0.variantB),
             .double($0.meanA), .double($0.halfWidthA), .double($0.meanB), .double($0.halfWidthB),
             .double($0.difference), .double($0.differenceHalfWidth), .double($0.relativeChange),
             .uint8($0.significant ? 1 : 0), .int32(Int32($0.n)), .double($0.level)]
        }
        let units = #"{"mean_a": "see unit column", "half_width_a": "see unit column", "mean_b": "see unit column", "#
            + #""half_width_b": "see unit column", "difference": "see unit column", "difference_half_width": "see "#
            + #"unit column", "#
            + #""relative_change": "fraction of |mean_a|"}"#
        try table.write(to: group, name: "comparison",
                        description: "per KPI, variant_b − variant_a over paired replications with a paired-t "
                            + "confidence interval",
                        units: units)
        let dataset = try check(H5Dopen2(group, "comparison", takt_h5p_default()), "open summary/comparison")
        defer { H5Dclose(dataset) }
        try HDF5Objects.attribute(dataset, "variants", variants)
        try HDF5Objects.attribute(dataset, "streams", streams)
        try HDF5Objects.attribute(dataset, "warm_up", warmUp)
    }
}
