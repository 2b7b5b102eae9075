import TaktKernel
import TaktSweep
import XCTest

/// Designs expand into the right points, reproducibly.
final class DesignExpansionTests: XCTestCase {
    func load(_ parameters: String, design: String, in folder: String) throws -> Sweep {
        let path = try SweepTestSupport.write("""
            name: design
            scenario: \(SweepTestSupport.scenario("two-shifts.yaml"))
            seed: 5
            replications: 3
            parameters:
            \(parameters)
            design: \(design)
            """, in: folder)
        return try SweepLoader.load(path: path)
    }

    func testGridHasEveryCombinationWithTheFirstParameterSlowest() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let sweep = try load("""
              stations.lathe.machines: [2, 3, 4]
              repair_crews.technicians.size: [1, 2]
              variant: [base, three_shifts]
            """, design: "grid", in: folder)
        XCTAssertEqual(sweep.points.count, 12)
        XCTAssertEqual(sweep.runCount, 36)
        XCTAssertEqual(sweep.points[0].values.map(\.label), ["2", "1", "base"])
        XCTAssertEqual(sweep.points[1].values.map(\.label), ["2", "1", "three_shifts"])
        XCTAssertEqual(sweep.points[2].values.map(\.label), ["2", "2", "base"])
        XCTAssertEqual(sweep.points[11].values.map(\.label), ["4", "2", "three_shifts"])
        XCTAssertEqual(Set(sweep.points.map { $0.values.map(\.label) }).count, 12, "no combination twice")
        XCTAssertEqual(sweep.run(17).point, 5)
        XCTAssertEqual(sweep.run(17).replication, 2)
        XCTAssertEqual(sweep.runIndex(point: 5, replication: 2), 17)
    }

    func testGridRangeWithStepsIsEvenlySpaced() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let sweep = try load("""
              stations.inspect.buffer: {min: 5, max: 20, steps: 4, integer: true}
              orders[0].rate: {min: 2, max: 3, steps: 3, unit: /h}
            """, design: "grid", in: folder)
        XCTAssertEqual(sweep.points.count, 12)
        XCTAssertEqual(Array(Set(sweep.points.map { $0.values[0].label })).sorted { Int($0)! < Int($1)! },
                       ["5", "10", "15", "20"])
        XCTAssertEqual(sweep.points[0].values[1].text, "2 /h")
        XCTAssertEqual(sweep.points[1].values[1].label, "2.5")
        XCTAssertTrue(sweep.parameters.allSatisfy(\.isNumeric))
        XCTAssertTrue(sweep.check().isEmpty, "every point loads: \(sweep.check())")
    }

    func testLatinHypercubeStratifiesEveryParameter() throws {
        for count in [1, 2, 7, 100, 1000] {
            var stream = RandomStreams(seed: UInt64(count)).stream(entity: "test", purpose: "lhs")
            let column = DesignExpansion.unitHypercubeColumn(count: count, stream: &stream)
            let strata = column.map { Int($0 * Double(count)) }
            XCTAssertEqual(strata.sorted(), Array(0..<count), "each of \(count) strata holds exactly one point")
            XCTAssertTrue(column.allSatisfy { $0 >= 0 && $0 < 1 })
        }
        let folder = try SweepTestSupport.temporaryFolder(self)
        let sweep = try load("""
              stations.inspect.buffer: {min: 1, max: 50, integer: true}
              orders[0].rate: {min: 1.5, max: 3.5, unit: /h}
            """, design: "{latin_hypercube: 10}", in: folder)
        XCTAssertEqual(sweep.points.count, 10)
        let rates = sweep.points.map { $0.values[1].number! }
        XCTAssertEqual(rates.map { Int(($0 - 1.5) / 2 * 10) }.sorted(), Array(0..<10),
                       "one point per tenth of the range")
        let buffers = sweep.points.map { Int($0.values[0].number!) }
        XCTAssertTrue(buffers.allSatisfy { (1...50).contains($0) })
        XCTAssertEqual(buffers.map { ($0 - 1) / 5 }.sorted(), Array(0..<10), "integer strata of 5 values each")
        XCTAssertTrue(sweep.points.allSatisfy { $0.values[1].text.hasSuffix(" /h") })
        XCTAssertTrue(sweep.check().isEmpty)
    }

    func testRandomDesignsAreReproducibleAndSeeded() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let parameters = """
              stations.inspect.buffer: {min: 1, max: 50, integer: true}
              orders[0].rate: {min: 1.5, max: 3.5, unit: /h}
              variant: [base, three_shifts]
            """
        for design in ["{random: 8}", "{latin_hypercube: 8}"] {
            let first = try load(parameters, design: design, in: folder)
            let again = try load(parameters, design: design, in: folder)
            XCTAssertEqual(first.points.map { $0.values.map(\.text) }, again.points.map { $0.values.map(\.text) })
            XCTAssertEqual(first.fingerprint, again.fingerprint)
            let path = try SweepTestSupport.write(try String(contentsOfFile: first.file, encoding: .utf8)
                .replacingOccurrences(of: "seed: 5", with: "seed: 6"), in: folder)
            let reseeded = try SweepLoader.load(path: path)
            XCTAssertNotEqual(first.points.map { $0.values.map(\.text) }, reseeded.points.map { $0.values.map(\.text) })
            XCTAssertNotEqual(first.fingerprint, reseeded.fingerprint)
        }
    }

    func testAddingAParameterLeavesTheOthersDrawsUnchanged() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let one = try load("  orders[0].rate: {min: 1.5, max: 3.5}\n", design: "{random: 6}", in: folder)
        let two = try load("  stations.inspect.buffer: {min: 1, max: 9, integer: true}\n  orders[0].rate: {min: "
                               + "1.5, max: 3.5}\n",
                           design: "{random: 6}", in: folder)
        XCTAssertEqual(one.points.map { $0.values[0].text }, two.points.map { $0.values[1].text })
    }

    func testSeedsDependOnPointAndReplicationOnly() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let sweep = try SweepTestSupport.smallSweep(in: folder, replications: 3)
        let seeds = (0..<sweep.runCount)
            .map { sweep.seed(point: sweep.run($0).point, replication: sweep.run($0).replication) }
        XCTAssertEqual(Set(seeds).count, seeds.count, "independent: every run its own seed")
        let common = try SweepTestSupport.smallSweep(in: folder, replications: 3, extra: "random_numbers: common")
        XCTAssertEqual(common.seed(point: 0, replication: 1), common.seed(point: 3, replication: 1),
                       "common random numbers")
        XCTAssertNotEqual(common.seed(point: 0, replication: 1), common.seed(point: 0, replication: 2))
    }

    func testExplicitPoints() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let path = try SweepTestSupport.write("""
            name: points
            scenario: \(SweepTestSupport.scenario("two-shifts.yaml"))
            replications: 2
            design:
              points:
                - {stations.lathe.machines: 2, variant: base}
                - {stations.lathe.machines: 3, variant: base}
                - {stations.lathe.machines: 2, variant: three_shifts}
            """, in: folder)
        let sweep = try SweepLoader.load(path: path)
        XCTAssertEqual(sweep.parameters.map(\.name), ["stations.lathe.machines", "variant"])
        XCTAssertEqual(sweep.points.map { $0.values.map(\.label) },
                       [["2", "base"], ["3", "base"], ["2", "three_shifts"]])
        XCTAssertEqual(sweep.runCount, 6)
        XCTAssertEqual(sweep.seed, 1, "the scenario's run.seed by default")
        let scenario = try sweep.scenario(forPoint: 2)
        XCTAssertEqual(scenario.variant, "three_shifts")
    }

    func testIndexRangesAndArrayTasks() {
        XCTAssertEqual(IndexRanges.format([9, 0, 1, 2, 3, 7, 10, 11, 12, 3]), "0-3,7,9-12")
        XCTAssertEqual(IndexRanges.parse("0-3,7,9-12"), [0, 1, 2, 3, 7, 9, 10, 11, 12])
        XCTAssertNil(IndexRanges.parse("3-1"))
        let tasks = ArrayTasks(runCount: 23, chunk: 5)
        XCTAssertEqual(tasks.taskCount, 5)
        XCTAssertEqual(tasks.runs(ofTask: 4), 20..<23)
        XCTAssertEqual(tasks.tasks(covering: [3, 4, 17, 22]), [0, 3, 4])
        XCTAssertEqual((0..<tasks.taskCount).flatMap { Array(tasks.runs(ofTask: $0)) }, Array(0..<23))
    }
}
