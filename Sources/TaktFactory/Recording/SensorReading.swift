/// One sensor reading as a controller (and the plant's historian) sees it: time, machine, sensor,
/// value — NaN when the reading is missing. This is observable data.
public struct SensorReading: Sendable, Equatable {
    public var time: Double
    public var machine: Int32
    /// Index into `FactoryConfiguration.sensors`.
    public var sensor: Int32
    public var value: Double

    public init(time: Double, machine: Int32, sensor: Int32, value: Double) {
        self.time = time
        self.machine = machine
        self.sensor = sensor
        self.value = value
    }
}

/// The hidden wear of a machine at a sensor sampling time: the simulator's secret, recorded
/// separately so analysts can score controllers against it. Not part of any observation.
public struct WearTruth: Sendable, Equatable {
    public var time: Double
    public var machine: Int32
    public var wear: Double

    public init(time: Double, machine: Int32, wear: Double) {
        self.time = time
        self.machine = machine
        self.wear = wear
    }
}
