import CHDF5
import TaktFactory

/// The HDF5 compound types of the streamed tables, built from the row structs' own memory
/// layout (`MemoryLayout.offset(of:)`) and packed for the file.
struct RowTypes {
    let events: (memory: hid_t, file: hid_t)
    let operations: (memory: hid_t, file: hid_t)
    let jobs: (memory: hid_t, file: hid_t)
    let states: (memory: hid_t, file: hid_t)
    let sensors: (memory: hid_t, file: hid_t)
    let truth: (memory: hid_t, file: hid_t)
    let process: (memory: hid_t, file: hid_t)
    let inspections: (memory: hid_t, file: hid_t)
    let defectTruth: (memory: hid_t, file: hid_t)
    let vision: (memory: hid_t, file: hid_t)
    let visionTruth: (memory: hid_t, file: hid_t)
    private var owned: [hid_t] = []

    init() throws {
        let d = takt_h5t_native_double(), i8 = takt_h5t_native_int64(), i4 = takt_h5t_native_int32(),
            u1 = takt_h5t_native_uint8()
        let kind = try HDF5Types.enumeration(EventKind.allCases.map { ($0.rawValue, $0.name) })
        let outcome = try HDF5Types.enumeration([(0, "next"), (1, "finished"), (2, "scrapped"), (3, "rework")])
        let jobOutcome = try HDF5Types.enumeration(JobOutcome.allCases.map { ($0.rawValue, $0.name) })
        let state = try HDF5Types.enumeration(MachineState.allCases.map { (UInt8($0.rawValue), $0.name) })
        owned = [kind, outcome, jobOutcome, state]

        func offset<Row>(_ path: PartialKeyPath<Row>) -> Int { MemoryLayout<Row>.offset(of: path)! }
        func pair(_ memory: hid_t) throws -> (memory: hid_t, file: hid_t) { (memory, try HDF5Types.packed(memory)) }

        events = try pair(HDF5Types.compound(size: MemoryLayout<EventRow>.stride, members: [
            ("time", offset(\EventRow.time), d), ("kind", offset(\EventRow.kind), kind),
            ("job", offset(\EventRow.job), i8),
            ("product", offset(\EventRow.product), i4), ("machine", offset(\EventRow.machine), i4),
            ("station", offset(\EventRow.station), i4), ("worker", offset(\EventRow.worker), i4),
            ("material", offset(\EventRow.material), i4), ("parameter", offset(\EventRow.parameter), i4),
            ("value", offset(\EventRow.value), d),
        ]))
        operations = try pair(HDF5Types.compound(size: MemoryLayout<OperationRecord>.stride, members: [
            ("job", offset(\OperationRecord.job), i8), ("product", offset(\OperationRecord.product), i4),
            ("operation", offset(\OperationRecord.operation), i4), ("station", offset(\OperationRecord.station), i4),
            ("machine", offset(\OperationRecord.machine), i4), ("worker", offset(\OperationRecord.worker), i4),
            ("setup_start", offset(\OperationRecord.setupStart), d), ("start", offset(\OperationRecord.start), d),
            ("end", offset(\OperationRecord.end), d), ("outcome", offset(\OperationRecord.outcome), outcome),
        ]))
        jobs = try pair(HDF5Types.compound(size: MemoryLayout<JobRow>.stride, members: [
            ("job", offset(\JobRow.job), i8), ("product", offset(\JobRow.product), i4),
            ("quantity", offset(\JobRow.quantity), i4),
            ("parent", offset(\JobRow.parent), i8), ("is_order", offset(\JobRow.isOrder), u1),
            ("outcome", offset(\JobRow.outcome), jobOutcome), ("priority", offset(\JobRow.priority), i4),
            ("reworks", offset(\JobRow.reworks), i4), ("arrival", offset(\JobRow.arrival), d),
            ("release", offset(\JobRow.release), d),
            ("start", offset(\JobRow.start), d), ("finish", offset(\JobRow.finish), d), ("due", offset(\JobRow.due), d),
            ("tardiness", offset(\JobRow.tardiness), d),
        ]))
        states = try pair(HDF5Types.compound(size: MemoryLayout<StateRow>.stride, members: [
            ("machine", offset(\StateRow.machine), i4), ("station", offset(\StateRow.station), i4),
            ("state", offset(\StateRow.state), state), ("start", offset(\StateRow.start), d),
            ("end", offset(\StateRow.end), d),
        ]))
        sensors = try pair(HDF5Types.compound(size: MemoryLayout<SensorReading>.stride, members: [
            ("time", offset(\SensorReading.time), d), ("machine", offset(\SensorReading.machine), i4),
            ("sensor", offset(\SensorReading.sensor), i4), ("value", offset(\SensorReading.value), d),
        ]))
        truth = try pair(HDF5Types.compound(size: MemoryLayout<WearTruth>.stride, members: [
            ("time", offset(\WearTruth.time), d), ("machine", offset(\WearTruth.machine), i4),
            ("wear", offset(\WearTruth.wear), d),
        ]))
        process = try pair(HDF5Types.compound(size: MemoryLayout<ProcessReading>.stride, members: [
            ("time", offset(\ProcessReading.time), d), ("job", offset(\ProcessReading.job), i8),
            ("operation", offset(\ProcessReading.operation), i4), ("parameter", offset(\ProcessReading.parameter), i4),
            ("value", offset(\ProcessReading.value), d),
        ]))
        inspections = try pair(HDF5Types.compound(size: MemoryLayout<InspectionResult>.stride, members: [
            ("time", offset(\InspectionResult.time), d), ("job", offset(\InspectionResult.job), i8),
            ("operation", offset(\InspectionResult.operation), i4), ("verdict", offset(\InspectionResult.verdict), i4),
        ]))
        defectTruth = try pair(HDF5Types.compound(size: MemoryLayout<DefectTruth>.stride, members: [
            ("time", offset(\DefectTruth.time), d), ("job", offset(\DefectTruth.job), i8),
            ("defect_class", offset(\DefectTruth.defectClass), i4),
        ]))
        vision = try pair(HDF5Types.compound(size: MemoryLayout<VisionReading>.stride, members: [
            ("time", offset(\VisionReading.time), d), ("operation", offset(\VisionReading.operation), i4),
            ("kind", offset(\VisionReading.kind), i4), ("flagged", offset(\VisionReading.flagged), i8),
            ("confirmed", offset(\VisionReading.confirmed), i8), ("audited", offset(\VisionReading.audited), i8),
            ("audit_found", offset(\VisionReading.auditFound), i8),
        ]))
        visionTruth = try pair(HDF5Types.compound(size: MemoryLayout<VisionTruth>.stride, members: [
            ("time", offset(\VisionTruth.time), d), ("operation", offset(\VisionTruth.operation), i4),
            ("kind", offset(\VisionTruth.kind), i4), ("examples", offset(\VisionTruth.examples), d),
            ("error", offset(\VisionTruth.error), d), ("correct_labels", offset(\VisionTruth.correctLabels), i8),
            ("wrong_labels", offset(\VisionTruth.wrongLabels), i8),
            ("classified", offset(\VisionTruth.classified), i8), ("correct", offset(\VisionTruth.correct), i8),
        ]))
    }

    func close() {
        for id in owned { H5Tclose(id) }
        for pair in [events, operations, jobs, states, sensors, truth, process, inspections, defectTruth, vision,
                     visionTruth] {
            H5Tclose(pair.memory)
            H5Tclose(pair.file)
        }
    }
}

/// A Gantt row as plain data: the outcome stored as its raw byte, never as a Swift enum.
struct OperationRecord {
    var job: Int64
    var product: Int32
    var operation: Int32
    var station: Int32
    var machine: Int32
    var worker: Int32
    var setupStart: Double
    var start: Double
    var end: Double
    var outcome: UInt8

    init(_ row: GanttRow) {
        job = row.job
        product = row.product
        operation = row.operation
        station = row.station
        machine = row.machine
        worker = -1
        setupStart = row.setupStart
        start = row.start
        end = row.end
        outcome = row.outcome.rawValue
    }
}
