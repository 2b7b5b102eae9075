import TaktScenario
import XCTest

/// ERP timestamps: ISO 8601 with `T` or a space, seconds and zone optional.
final class TimestampTests: XCTestCase {
    func testTheFormsERPExportsWrite() throws {
        let origin = try XCTUnwrap(Timestamp("2026-03-02"))
        let cases: [(String, Double)] = [
            ("2026-03-02 06:00", 6 * 3600), ("2026-03-02T06:00", 6 * 3600), ("2026-03-02T06:00:30", 6 * 3600 + 30),
            ("2026-03-02 06:00:30.5", 6 * 3600 + 30.5), ("2026-03-02T06:00:30,25", 6 * 3600 + 30.25),
            ("2026-03-03", 86_400), ("2026-03-01 23:00", -3600), ("2026-04-02", 31 * 86_400),
            ("2027-03-02", 365 * 86_400), ("2028-03-02", (365 + 366) * 86_400)]
        for (text, seconds) in cases {
            XCTAssertEqual(Timestamp(text)?.seconds(since: origin), seconds, text)
        }
    }

    func testZonesAreAppliedAndAMissingZoneTakesTheOthers() throws {
        let origin = try XCTUnwrap(Timestamp("2026-03-02T00:00:00+01:00"))
        XCTAssertEqual(Timestamp("2026-03-02T06:00:00+01:00")?.seconds(since: origin), 6 * 3600)
        XCTAssertEqual(Timestamp("2026-03-02T06:00:00Z")?.seconds(since: origin), 7 * 3600)
        XCTAssertEqual(Timestamp("2026-03-02T06:00:00+0200")?.seconds(since: origin), 5 * 3600)
        XCTAssertEqual(Timestamp("2026-03-02T06:00:00-05")?.seconds(since: origin), 12 * 3600)
        XCTAssertEqual(Timestamp("2026-03-02 06:00")?.seconds(since: origin), 6 * 3600,
                       "a wall clock is in the origin's zone")
        XCTAssertEqual(Timestamp("1970-01-01T00:00:00Z")?.wallClockSeconds, 0)
        XCTAssertEqual(Timestamp("2000-03-01T00:00:00Z")?.wallClockSeconds, 951_868_800)
    }

    func testMalformedTimestampsAreRefused() {
        for text in ["2026-3-02", "2026-02-30", "2026-13-01", "2026-03-02 6:00", "2026-03-02 24:00", "2026-03-02T06",
                     "2026-03-02 06:00:61", "2026-03-02 06:00 CET", "2026-03-02x", "30 min", "2026-03-02T06:00+25:00",
                     "2026-03-02 06:00:00."] {
            XCTAssertNil(Timestamp(text), text)
        }
        XCTAssertNotNil(Timestamp("2028-02-29"))
        XCTAssertNil(Timestamp("2100-02-29"))
    }
}

extension TimestampTests {
    func testISOTextRoundTrips() throws {
        for text in ["2026-03-02T06:00:00", "2026-03-02T06:00:30.250+01:00", "1969-12-31T23:59:59Z",
                     "2000-02-29T12:00:00-05:30", "2026-12-31T00:00:00"] {
            let timestamp = try XCTUnwrap(Timestamp(text))
            XCTAssertEqual(timestamp.isoText, text)
            XCTAssertEqual(Timestamp(timestamp.isoText), timestamp)
        }
        XCTAssertEqual(Timestamp("2026-03-02 06:00")?.isoText, "2026-03-02T06:00:00")
    }
}
