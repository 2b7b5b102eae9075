import CHDF5
import TaktFactory

/// The group `/runs/<variant>/<replication>` and its streamed tables.
final class RunTables {
    let group: hid_t
    let events: StreamingTable
    let operations: StreamingTable
    let jobs: StreamingTable
    let states: StreamingTable
    let timeseries: StreamingTable
    let sensors: StreamingTable
    let truth: StreamingTable
    let process: StreamingTable
    let inspections: StreamingTable
    let defectTruth: StreamingTable
    /// The learning cameras' tables, created with their first rows (a run without a learning
    /// camera has none, so older layouts stay as they were).
    private(set) var vision: StreamingTable?
    private(set) var visionTruth: StreamingTable?
    private let types: RowTypes
    private let compress: Bool
    private let pipeline: ChunkPipeline

    init(file: hid_t, path: String, types: RowTypes, timeseriesColumns: [String], timeseriesUnits: [String],
         compress: Bool, pipeline: ChunkPipeline) throws {
        group = try HDF5Objects.group(file, path)
        self.types = types
        self.compress = compress
        self.pipeline = pipeline
        events = try StreamingTable(
            parent: group, name: "events", memoryType: types.events.memory, fileType: types.events.file,
            rowSize: MemoryLayout<EventRow>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "one row per logged event; ids index /lookup tables, -1 where not applicable",
            units: #"{"time": "s", "value": "quantity for orders and materials, drawn duration (s) for process, setup "#
                + #"and repair starts"}"#)
        operations = try StreamingTable(
            parent: group, name: "operations", memoryType: types.operations.memory, fileType: types.operations.file,
            rowSize: MemoryLayout<OperationRecord>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "the Gantt table: one row per operation step (setup_start NaN when no setup)",
            units: #"{"setup_start": "s", "start": "s", "end": "s"}"#)
        jobs = try StreamingTable(
            parent: group, name: "jobs", memoryType: types.jobs.memory, fileType: types.jobs.file,
            rowSize: MemoryLayout<JobRow>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "one row per job leaving the shop (finished or scrapped); due is inf without a due date",
            units: #"{"arrival": "s", "release": "s", "start": "s", "finish": "s", "due": "s", "tardiness": "s"}"#)
        states = try StreamingTable(
            parent: group, name: "states", memoryType: types.states.memory, fileType: types.states.file,
            rowSize: MemoryLayout<StateRow>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "machine state intervals; each machine's intervals tile the run",
            units: #"{"start": "s", "end": "s"}"#)
        sensors = try StreamingTable(
            parent: group, name: "sensors", memoryType: types.sensors.memory, fileType: types.sensors.file,
            rowSize: MemoryLayout<SensorReading>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "sensor readings as a controller sees them (value NaN when the reading is missing); sensor "
                + "ids index /lookup/sensors",
            units: #"{"time": "s", "value": "the sensor's unit"}"#)
        truth = try StreamingTable(
            parent: group, name: "truth", memoryType: types.truth.memory, fileType: types.truth.file,
            rowSize: MemoryLayout<WearTruth>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "hidden machine wear at each sensor reading: the simulator's secret, never shown "
                + "to controllers",
            units: #"{"time": "s", "wear": "wear units of the scenario"}"#)
        process = try StreamingTable(
            parent: group, name: "process", memoryType: types.process.memory, fileType: types.process.file,
            rowSize: MemoryLayout<ProcessReading>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "actual recipe parameter values, one row per parameter per execution of an operation "
                + "with a recipe "
                + "(observable); operation indexes /lookup/operations, (operation, parameter) /lookup/parameters",
            units: #"{"time": "s", "value": "the parameter's unit (/lookup/parameters)"}"#)
        inspections = try StreamingTable(
            parent: group, name: "inspections", memoryType: types.inspections.memory, fileType: types.inspections.file,
            rowSize: MemoryLayout<InspectionResult>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "inspection verdicts as the shop sees them (observable): verdict 0 passed, k >= 1 rejected as "
                + "/lookup/defect_classes row k; operation indexes /lookup/operations",
            units: #"{"time": "s"}"#)
        defectTruth = try StreamingTable(
            parent: group, name: "defect_truth", memoryType: types.defectTruth.memory, fileType: types.defectTruth.file,
            rowSize: MemoryLayout<DefectTruth>.stride, chunkRows: 32_768, compress: compress, pipeline: pipeline,
            description: "hidden truth, not observable: parts that became defective (defect_class k >= 1 is "
                + "/lookup/defect_classes "
                + "row k); the simulator's secret, never shown to controllers, kept apart for scoring inspections "
                + "and controllers",
            units: #"{"time": "s"}"#)
        let columns = max(1, timeseriesColumns.count)
        let names = timeseriesColumns.isEmpty ? ["time"] : timeseriesColumns
        let inAttribute = names.count <= RunTables.maximumColumnsInAttribute
        timeseries = try StreamingTable(
            parent: group, name: "timeseries", memoryType: takt_h5t_native_double(), fileType: takt_h5t_native_double(),
            rowSize: 8 * columns, columns: columns, chunkRows: RunTables.timeseriesChunkRows(columns: columns),
            compress: compress, pipeline: pipeline,
            description: "levels sampled at the recording interval, one row per sample; column k is row k of "
                + "/lookup/timeseries_columns" + (inAttribute ? " (also in the 'columns' attribute)" : ""),
            units: "[" + timeseriesUnits.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        if inAttribute { try HDF5Objects.attribute(timeseries.dataset, "columns", names) }
    }

    /// The most column names kept in the timeseries' `columns` attribute as well as in
    /// `/lookup/timeseries_columns`: an attribute lives in the dataset's object header, whose
    /// messages HDF5 caps at 64 KiB (16 bytes per variable-length string), so a wide model (a
    /// plant of thousands of stations) keeps its names in the lookup table only.
    static let maximumColumnsInAttribute = 2_048

    /// Rows per chunk of the timeseries: 4,096 for a narrow table, fewer for a wide one so that a
    /// chunk (and the one-chunk write buffer) stays near 1 MiB whatever the number of stations.
    static func timeseriesChunkRows(columns: Int) -> Int {
        min(4_096, max(16, (1 << 20) / (8 * max(1, columns))))
    }

    /// Every table, for flushing and closing.
    var all: [StreamingTable] {
        [events, operations, jobs, states, timeseries, sensors, truth, process, inspections, defectTruth]
            + [vision, visionTruth].compactMap { $0 }
    }

    /// The `vision` table (observable), created when first asked for.
    func visionTable() throws -> StreamingTable {
        if let vision { return vision }
        let table = try StreamingTable(
            parent: group, name: "vision", memoryType: types.vision.memory, fileType: types.vision.file,
            rowSize: MemoryLayout<VisionReading>.stride, chunkRows: 4_096, compress: compress, pipeline: pipeline,
            description: "learning cameras at each retrain (kind 1), the drift (2) and time 0 (0), observable: "
                + "parts flagged and confirmed by the re-check, audited and found defective, since the previous row",
            units: #"{"time": "s"}"#)
        vision = table
        return table
    }

    /// The `vision_truth` table (hidden truth), created when first asked for.
    func visionTruthTable() throws -> StreamingTable {
        if let visionTruth { return visionTruth }
        let table = try StreamingTable(
            parent: group, name: "vision_truth", memoryType: types.visionTruth.memory,
            fileType: types.visionTruth.file,
            rowSize: MemoryLayout<VisionTruth>.stride, chunkRows: 4_096, compress: compress, pipeline: pipeline,
            description: "hidden truth, not observable: each learning camera's effective examples and balanced "
                + "error after the row's change, labels right and wrong, parts classified and right since the "
                + "previous row (under its error)",
            units: #"{"time": "s"}"#)
        visionTruth = table
        return table
    }

    /// Closes every table and the group, all of them even if one fails (so the file can be
    /// closed fully); throws the first error.
    func close() throws {
        var firstError: (any Error)?
        for table in all {
            do { try table.close() } catch { firstError = firstError ?? error }
        }
        if H5Gclose(group) < 0 { firstError = firstError ?? HDF5Error.fromStack("close run group") }
        if let firstError { throw firstError }
    }
}
