/// Transport KPIs of a run (seconds; shares in 0…1).
public struct TransportReport: Sendable {
    public struct Link: Sendable {
        public var from: String
        public var to: String
        /// "delay", "conveyor" or the vehicle fleet's name.
        public var means: String
        public var trips: Int
        /// Mean time from boarding (or the request for a vehicle) to arrival.
        public var transitTimeMean: Double
        /// Time-average parts on the link, and that over its capacity for a conveyor.
        public var loadMean: Double
        public var occupancy: Double?
    }

    public struct Fleet: Sendable {
        public var name: String
        public var vehicles: Int
        /// Time-average share of the vehicles busy (driving empty or loaded, loading, unloading).
        public var utilisation: Double
        /// Mean time a job waited from its request until a vehicle picked it up.
        public var waitMean: Double
        public var trips: Int
    }

    public var links: [Link]
    public var fleets: [Fleet]
}
