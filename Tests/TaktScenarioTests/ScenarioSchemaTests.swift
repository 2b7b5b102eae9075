import Foundation
import TaktScenario
import XCTest

/// docs/scenario.schema.json cannot drift from the reader: its unit, duration, rate and
/// distribution patterns are the ones built from the reader's tables, and every spelling the
/// reader accepts matches them. `TAKT_UPDATE_GOLDEN=1` rewrites the patterns in the schema.
final class ScenarioSchemaTests: XCTestCase {
    static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/scenario.schema.json")

    /// `$defs` entry → the pattern the reader's tables give.
    static let patterns = ["duration": Quantity.durationSchemaPattern, "rate": Quantity.rateSchemaPattern,
                           "lawText": DistributionSyntax.lawSchemaPattern]

    func testTheSchemasPatternsAreTheReadersTables() throws {
        var text = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        for (name, expected) in Self.patterns.sorted(by: { $0.key < $1.key }) {
            let found = try XCTUnwrap((defs[name] as? [String: Any])?["pattern"] as? String, name)
            guard found != expected else { continue }
            if ProcessInfo.processInfo.environment["TAKT_UPDATE_GOLDEN"] == "1" {
                text = text.replacingOccurrences(of: "\"pattern\": \(Self.jsonString(found))",
                                                 with: "\"pattern\": \(Self.jsonString(expected))")
            } else {
                XCTFail("$defs.\(name).pattern in docs/scenario.schema.json is not the reader's; rerun with "
                            + "TAKT_UPDATE_GOLDEN=1 to rewrite it.\n found:    \(found)\n expected: \(expected)")
            }
        }
        if ProcessInfo.processInfo.environment["TAKT_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.schemaURL, atomically: true, encoding: .utf8)
        }
    }

    func testEverySpellingTheReaderAcceptsMatchesTheSchema() throws {
        let duration = try NSRegularExpression(pattern: Quantity.durationSchemaPattern)
        let rate = try NSRegularExpression(pattern: Quantity.rateSchemaPattern)
        var checked = 0
        for unit in Quantity.unitSpellings {
            for number in ["5", "1.5", "0.25", "1_000", ".5", "2e3"] {
                for text in ["\(number) \(unit)", "\(number)\(unit)"] {
                    XCTAssertNoThrow(try Quantity.parseDuration(text).get(), text)
                    XCTAssertTrue(Self.matches(duration, text), "schema refuses duration '\(text)'")
                }
                let rates = ["\(number) /\(unit)", "\(number)/\(unit)", "\(number) / \(unit)", "\(number) per \(unit)"]
                for text in rates {
                    guard case .success = Quantity.parseRate(text) else { continue }   // beyond the limits
                    XCTAssertTrue(Self.matches(rate, text), "schema refuses rate '\(text)'")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 400)
        for text in ["5", "5 mins", "5 x", "per h", "5 per", "5 /", "five min"] {
            if case .success = Quantity.parseDuration(text) { XCTFail("reader accepts '\(text)'") }
            XCTAssertFalse(Self.matches(duration, text), "schema accepts duration '\(text)'")
        }
        for text in ["5 h", "5 perh", "5 /hs", "/h", "5 per"] {
            if case .success = Quantity.parseRate(text) { XCTFail("reader accepts rate '\(text)'") }
            XCTAssertFalse(Self.matches(rate, text), "schema accepts rate '\(text)'")
        }
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` as a JSON string literal, as the schema file writes it.
    static func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
