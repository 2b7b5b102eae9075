extension FactoryConfiguration {
    /// Names of the time-series columns: time, wip, then per station the queue length and busy
    /// machines, then per material the stock on hand, then each environment variable.
    public var timeseriesColumns: [String] {
        ["time", "wip"] + stations.map { "queue.\($0.name)" } + stations.map { "busy.\($0.name)" }
            + materials.map { "inventory.\($0.name)" } + environment.map { "environment.\($0.name)" }
    }

    /// Units of the time-series columns, in the same order.
    public var timeseriesUnits: [String] {
        ["s", "jobs"] + stations.map { _ in "jobs" } + stations.map { _ in "machines" }
            + materials.map { _ in "units" } + environment.map { _ in "" }
    }
}
