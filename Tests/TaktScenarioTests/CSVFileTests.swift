import Foundation
import TaktFactory
import TaktScenario
import XCTest

/// Order and environment CSV files as ERP and MES systems export them, read through a scenario:
/// Windows and old-Mac line ends, a byte-order mark, semicolons, timestamps, decimal commas.
final class CSVFileTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Writes `files` beside a one-station scenario whose `orders:` and `environment:` lines are given.
    func load(orders: String, environment: String = "", run: String = "{duration: 1 d}",
              files: [String: String]) throws -> FactoryConfiguration {
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let scenario = """
            name: csv
            run: \(run)
            stations: {cut: {}}
            products: {widget: {routing: [{station: cut, time: 1 min}]}}
            orders: [\(orders)]
            \(environment)
            """
        let path = folder.appendingPathComponent("shop.yaml").path
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .factory(let factory) = try ScenarioLoader.load(path: path).model else {
            throw XCTSkip("not a factory")
        }
        return factory
    }

    func diagnostics(orders: String, files: [String: String]) -> [String] {
        do {
            _ = try load(orders: orders, files: files)
            return []
        } catch let error as ScenarioError {
            return error.diagnostics.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column): "
                                               + $0.message }
        } catch { return ["\(error)"] }
    }

    func testAnERPExportWithBOMCRLFSemicolonsAndTimestamps() throws {
        let text = "\u{FEFF}time;product;quantity;due\r\n2026-03-02 06:30;widget;5;2026-03-04T06:00:00\r\n"
            + "2026-03-02T06:00:00;\"widget\";;\r\n"
        let factory = try load(orders: "{name: erp, file: orders.csv, start: 2026-03-02 06:00}",
                               files: ["orders.csv": text])
        guard case .schedule(let orders) = factory.orderSources[0].arrivals else { return XCTFail() }
        XCTAssertEqual(orders, [ScheduledOrder(time: 0, product: 0),
                                ScheduledOrder(time: 1800, product: 0, quantity: 5, due: 2 * 86_400)])
    }

    func testEveryLineEndReadsTheSameOrders() throws {
        var results: [[ScheduledOrder]] = []
        for end in ["\n", "\r\n", "\r"] {
            let text = ["time,product,quantity", "0 s,widget,2", "# late", "1 h,widget,3"].joined(separator: end)
            let factory = try load(orders: "{name: erp, file: orders.csv}", files: ["orders.csv": text])
            guard case .schedule(let orders) = factory.orderSources[0].arrivals else { return XCTFail() }
            results.append(orders)
        }
        XCTAssertEqual(results[0].map(\.quantity), [2, 3])
        XCTAssertEqual(results[1], results[0])
        XCTAssertEqual(results[2], results[0])
    }

    func testTimestampsWithoutTheirOwnStartAreMeasuredFromRunStart() throws {
        let text = "time,product\n2026-03-02 07:00,widget\n"
        let factory = try load(orders: "{name: erp, file: orders.csv}",
                               run: "{duration: 1 d, start: \"2026-03-02 06:00\"}", files: ["orders.csv": text])
        guard case .schedule(let orders) = factory.orderSources[0].arrivals else { return XCTFail() }
        XCTAssertEqual(orders, [ScheduledOrder(time: 3600, product: 0)])
        let own = try load(orders: "{name: erp, file: orders.csv, start: \"2026-03-02 06:30\"}",
                           run: "{duration: 1 d, start: \"2026-03-02 06:00\"}", files: ["orders.csv": text])
        guard case .schedule(let ownOrders) = own.orderSources[0].arrivals else { return XCTFail() }
        XCTAssertEqual(ownOrders, [ScheduledOrder(time: 1800, product: 0)], "the file's own start wins")
    }

    func testADeclaredDelimiterIsUsed() throws {
        let factory = try load(orders: "{name: erp, file: orders.csv, delimiter: tab}",
                               files: ["orders.csv": "time\tproduct\n5 min\twidget\n"])
        guard case .schedule(let orders) = factory.orderSources[0].arrivals else { return XCTFail() }
        XCTAssertEqual(orders, [ScheduledOrder(time: 300, product: 0)])
    }

    func testATimestampWithoutAStartIsAProblemAtItsCell() {
        let problems = diagnostics(orders: "{name: erp, file: orders.csv}",
                                   files: ["orders.csv": "time;product\r\n2026-03-02 06:30;widget\r\n"])
        XCTAssertEqual(problems, ["orders.csv:2:1: time: '2026-03-02 06:30' is a date and time, but the file has "
                                      + "no time 0; declare it beside the file's name, e.g. 'start: 2026-03-02 00:00', "
                                      + "or as run.start"])
    }

    func testAMalformedTimestampAndStartAreProblemsWhereTheyAre() {
        let problems = diagnostics(orders: "{name: erp, file: orders.csv, start: 2026-02-30}",
                                   files: ["orders.csv": "time,product\n2026-03-02 6:30,widget\n"])
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems[0].hasPrefix("shop.yaml:5:"), problems[0])
        XCTAssertTrue(problems[0].contains("orders[1].start must be a date and time"), problems[0])
        XCTAssertTrue(problems[1].hasPrefix("orders.csv:2:1: time: '2026-03-02 6:30' is not a date and time"),
                      problems[1])
    }

    func testAnEnvironmentSeriesWithCRLineEndsSemicolonsAndDecimalCommas() throws {
        let text = "\u{FEFF}# logged by the MES\rtime;humidity\r2026-03-02 00:00;58,5\r2026-03-02 03:00;\"59,1\"\r"
        let factory = try load(orders: "{name: c, rate: 1 /h, product: widget}",
                               environment: "environment: {humidity: {csv: hall.csv, start: 2026-03-02, "
                                   + "delimiter: \";\"}}",
                               files: ["hall.csv": text])
        XCTAssertEqual(factory.environment.first?.profile, .piecewise(times: [0, 10_800], values: [58.5, 59.1]))
    }

    func testAnEnvironmentFileWithCRLFIsNotEmpty() throws {
        let factory = try load(orders: "{name: c, rate: 1 /h, product: widget}",
                               environment: "environment: {humidity: {csv: hall.csv}}",
                               files: ["hall.csv": "time,humidity\r\n0 h,58.3\r\n3 h,59.1\r\n"])
        XCTAssertEqual(factory.environment.first?.profile, .piecewise(times: [0, 10_800], values: [58.3, 59.1]))
    }
}
