import TaktFactory
import TaktKernel
import TaktQueueing
import XCTest

/// Transport checked against cases with exact answers: a constant delay adds exactly its time, a
/// conveyor is a deterministic delay with a capacity, and a vehicle fleet with exponential trips
/// and no empty travel is an M/M/c queue of transport requests.
final class TransportTests: XCTestCase {
    func twoStations(first: Distribution, second: Distribution, arrivals: ArrivalProcess,
                     buffer: Int? = nil, transport: TransportSpec) -> FactoryConfiguration {
        var configuration = FactoryConfiguration(
            stations: [StationSpec(name: "a"), StationSpec(name: "b", bufferCapacity: buffer)],
            products: [ProductSpec(name: "p", routing: [
                OperationSpec(name: "first", stations: [0], processTime: first),
                OperationSpec(name: "second", stations: [1], processTime: second),
            ])],
            orderSources: [OrderSourceSpec(name: "demand", arrivals: arrivals, mix: [(product: 0, weight: 1)])])
        configuration.transport = transport
        return configuration
    }

    func run(_ configuration: FactoryConfiguration, until end: Double, warmUp: Double = 0,
             seed: UInt64 = 1) -> FactoryReport {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: seed)),
                                    limits: RunLimits(endTime: end, warmUp: warmUp))
        _ = simulation.run()
        simulation.finish()
        return simulation.model.report()
    }

    /// A constant 5 min delay between stations adds exactly 5 min to every flow time (one job at a
    /// time: arrivals every 10 min, 1 min at each station).
    func testConstantDelayAddsExactlyItsTime() throws {
        let configuration = twoStations(
            first: .constant(60), second: .constant(60),
            arrivals: .renewal(interarrival: .constant(600), count: 50, until: nil),
            transport: TransportSpec(links: [.init(from: 0, to: 1, means: .delay(.constant(300)))]))
        let report = run(configuration, until: .infinity)
        XCTAssertEqual(report.finishedJobs, 50)
        XCTAssertEqual(report.flowTimeMean, 420, accuracy: 1e-9)
        let transport = try XCTUnwrap(report.transport)
        XCTAssertEqual(transport.links[0].trips, 50)
        XCTAssertEqual(transport.links[0].transitTimeMean, 300, accuracy: 1e-9)
    }

    /// A conveyor of capacity 2 taking 10 min (600 m at 1 m/s) behind a machine that could make a
    /// part a minute carries exactly 2 parts per 10 min (12/h): the machine is blocked the rest of
    /// the time. Its occupancy is 100%.
    func testConveyorIsADelayWithCapacity() throws {
        let configuration = twoStations(
            first: .constant(60), second: .constant(6),
            arrivals: .renewal(interarrival: .constant(30), count: nil, until: nil), buffer: nil,
            transport: TransportSpec(links: [.init(from: 0, to: 1,
                                                   means: .conveyor(length: 600, speed: 1, capacity: 2))]))
        var limited = configuration
        limited.orderSources[0].whenFull = .reject
        limited.stations[0].bufferCapacity = 5
        let report = run(limited, until: 20 * 3600, warmUp: 3600)
        XCTAssertEqual(report.throughput * 3600, 12, accuracy: 12.0 / 19 / 2)   // 19 h window: ± half a part
        let transport = try XCTUnwrap(report.transport)
        XCTAssertEqual(transport.links[0].occupancy ?? 0, 1, accuracy: 0.01)
        XCTAssertEqual(transport.links[0].transitTimeMean, 600, accuracy: 1e-9)
        XCTAssertGreaterThan(report.stations[0].stateShares[MachineState.blocked.rawValue], 0.75)
        // alone on it, a part takes 1 + 10 + 0.1 min
        var single = configuration
        single.orderSources[0].arrivals = .schedule([ScheduledOrder(time: 0, product: 0)])
        XCTAssertEqual(run(single, until: .infinity).flowTimeMean, 60 + 600 + 6, accuracy: 1e-9)
    }

    /// Two vehicles with exponential trips (mean 4 min) and no empty travel serve requests that
    /// arrive as a Poisson stream of 24/h: an M/M/2 queue at ρ = 0.8. The mean wait for a vehicle
    /// matches Erlang C's W_q within the 99% interval over 10 replications, and the vehicles'
    /// utilisation matches ρ.
    func testVehicleFleetIsAnMMcQueueOfRequests() throws {
        let rate = 24.0 / 3600, trip = 240.0
        let configuration = twoStations(
            first: .constant(0), second: .constant(0),
            arrivals: .renewal(interarrival: .exponential(mean: 1 / rate), count: nil, until: nil),
            transport: TransportSpec(links: [.init(from: 0, to: 1,
                                                   means: .vehicle(fleet: 0, tripTime: .exponential(mean: trip)))],
                                     fleets: [.init(name: "agv", count: 2, speed: 1)]))
        let exact = ErlangC(arrivalRate: rate, serviceRate: 1 / trip, servers: 2)
        var waits: [Double] = [], busy: [Double] = []
        for replication in 0..<10 {
            let report = run(configuration, until: 200 * 86_400, warmUp: 5 * 86_400, seed: UInt64(100 + replication))
            let fleet = try XCTUnwrap(report.transport?.fleets.first)
            waits.append(fleet.waitMean)
            busy.append(fleet.utilisation)
        }
        let mean = waits.reduce(0, +) / 10
        let sd = (waits.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 9).squareRoot()
        let halfWidth = 3.25 * sd / 10.0.squareRoot()   // t(0.995, 9)
        print("vehicle wait: simulated \(mean) ± \(halfWidth) s, Erlang C \(exact.meanWaitInQueue) s")
        XCTAssertEqual(mean, exact.meanWaitInQueue, accuracy: halfWidth)
        XCTAssertLessThan(halfWidth, 0.1 * exact.meanWaitInQueue, "the check must be sharp enough to mean something")
        XCTAssertEqual(busy.reduce(0, +) / 10, exact.utilisation, accuracy: 0.01)
    }

    /// A vehicle drives empty to the pickup, loads, drives loaded, unloads: one job, stations 30 m
    /// apart on a rectilinear floor, the vehicle starting 40 m from the pickup at 2 m/s, 20 s to
    /// load and to unload: transit 20 + 20 + 15 + 20 s after the job's first operation.
    func testVehicleTripIsEmptyTravelLoadLoadedTravelUnload() throws {
        var configuration = twoStations(
            first: .constant(60), second: .constant(60),
            arrivals: .schedule([ScheduledOrder(time: 0, product: 0)]),
            transport: TransportSpec(links: [.init(from: 0, to: 1, means: .vehicle(fleet: 0, tripTime: nil))],
                                     fleets: [.init(name: "agv", count: 1, speed: 2, loadTime: 20, unloadTime: 20,
                                                    home: 2)],
                                     positions: [0: (0, 0), 1: (30, 0), 2: (20, 20)], metric: .rectilinear))
        configuration.stations.append(StationSpec(name: "parking"))
        let report = run(configuration, until: .infinity)
        XCTAssertEqual(report.flowTimeMean, 60 + (20 + 20 + 15 + 20) + 60, accuracy: 1e-9)
        let fleet = try XCTUnwrap(report.transport?.fleets.first)
        XCTAssertEqual(fleet.waitMean, 40, accuracy: 1e-9)   // until picked up: driving 20 s, loading 20 s
    }
}
