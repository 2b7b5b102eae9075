import Foundation
import TaktExperiments
import TaktFactory
import TaktScenario
import XCTest

/// The SVG Gantt chart of `--gantt` (issue 19, D3): every operation drawn, round ticks, downtime
/// and maintenance drawn, hex colours only, lanes named as in the result file.
final class GanttChartTests: XCTestCase {
    private func configuration() throws -> FactoryConfiguration {
        let scenario = try ScenarioLoader.parse("""
            name: Gantt test
            run: {seed: 1, replications: 1, duration: 1 d}
            stations:
              saw: {}
              lathe: {machines: 2}
            products:
              shaft:
                routing:
                  - {station: saw, time: 5 min}
                  - {station: lathe, time: 9 min}
            orders:
              - {name: o, rate: 4 /h, product: shaft}
            """, file: "gantt.yaml")
        guard case .factory(let configuration) = scenario.model else { throw XCTSkip("not a factory") }
        return configuration
    }

    private func rows(_ count: Int) -> [GanttRow] {
        var rows: [GanttRow] = []
        for k in 0..<count {
            let start: Double = Double(k) * 30
            let machine = Int32(k % 3)
            let station: Int32 = machine == 0 ? 0 : 1
            rows.append(GanttRow(job: Int64(k), product: 0, operation: station, station: station, machine: machine,
                                 setupStart: .nan, start: start, end: start + 25, outcome: .next))
        }
        return rows
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testEveryOperationIsDrawnAndTheCaptionSaysSo() throws {
        let svg = GanttChart.svg(rows(12_000), configuration: try configuration(), title: "t")
        XCTAssertEqual(count("<rect class=\"op\"", in: svg), 12_000)   // was capped at 5,000
        XCTAssertTrue(svg.contains("12000 operations"))
    }

    func testTicksFallOnRoundHours() throws {
        XCTAssertEqual(GanttTicks.step(forSpan: 115.2), 12)            // not 11.52
        XCTAssertEqual(GanttTicks.step(forSpan: 720), 72)
        XCTAssertEqual(GanttTicks.step(forSpan: 3), 0.5)
        XCTAssertEqual(GanttTicks.ticks(from: 0, to: 115.2), [0, 12, 24, 36, 48, 60, 72, 84, 96, 108])
        XCTAssertEqual(GanttTicks.label(0.25), "0.25")
        XCTAssertEqual(GanttTicks.label(72), "72")
        let last = rows(2000).last!.end
        let svg = GanttChart.svg(rows(2000), configuration: try configuration(), title: "t")
        let labels = svg.components(separatedBy: "<text class=\"tick\"").dropFirst()
            .compactMap { $0.split(separator: ">").dropFirst().first?.split(separator: "<").first }.map(String.init)
        let step = GanttTicks.step(forSpan: last / 3600)
        XCTAssertEqual(labels, GanttTicks.ticks(from: 0, to: last / 3600).map(GanttTicks.label))
        XCTAssertTrue(labels.allSatisfy { Double($0)!.truncatingRemainder(dividingBy: step) == 0 }, "\(labels)")
    }

    func testDowntimeAndMaintenanceAreDrawn() throws {
        let intervals = [StateRow(machine: 1, station: 1, state: UInt8(MachineState.down.rawValue), start: 100,
                                  end: 900),
                         StateRow(machine: 2, station: 1, state: UInt8(MachineState.maintenance.rawValue), start: 50,
                                  end: 400),
                         StateRow(machine: 0, station: 0, state: UInt8(MachineState.busy.rawValue), start: 0, end: 9)]
        let svg = GanttChart.svg(rows(10), intervals: intervals, configuration: try configuration(), title: "t")
        XCTAssertEqual(count("<rect class=\"down\"", in: svg), 1)
        XCTAssertEqual(count("<rect class=\"maintenance\"", in: svg), 1)
        XCTAssertTrue(svg.contains("down on lathe/0: 0.03–0.25 h"))
    }

    func testColoursAreHexOnly() throws {
        let svg = GanttChart.svg(rows(50), configuration: try configuration(), title: "t")
        XCTAssertFalse(svg.contains("hsl("))
        let fills = svg.components(separatedBy: "fill=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertFalse(fills.isEmpty)
        XCTAssertTrue(fills.allSatisfy { $0.range(of: "^#[0-9a-f]{6}$", options: .regularExpression) != nil },
                      "\(Set(fills))")
    }

    func testLanesAreNamedAsInTheResultFile() throws {
        let configuration = try configuration()
        XCTAssertEqual(MachineNames.of(configuration).map(\.name), ["saw/0", "lathe/0", "lathe/1"])
        let svg = GanttChart.svg(rows(5), configuration: configuration, title: "t")
        let lanes = svg.components(separatedBy: "<text class=\"lane\"").dropFirst()
            .compactMap { $0.split(separator: ">").dropFirst().first?.split(separator: "<").first }.map(String.init)
        XCTAssertEqual(lanes, ["saw/0", "lathe/0", "lathe/1"])          // was "saw", "lathe/1", "lathe/2"
    }
}
