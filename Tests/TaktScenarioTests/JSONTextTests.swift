import Foundation
import TaktScenario
import XCTest

/// The resolved scenario's JSON writer gives the very bytes Foundation's `JSONSerialization`
/// with `.sortedKeys` gave (result files stay byte-identical across the change), in linear time.
final class JSONTextTests: XCTestCase {
    /// Random nested documents: keys mixing case and digits, numbers whole, fractional, tiny and
    /// huge, strings with slashes, quotes and control characters.
    func testMatchesJSONSerializationOnRandomDocuments() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {   // splitmix64: the same documents every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let keyParts = ["s", "S", "q", "Q", "r", "a_b", "x1", "x10", "x9", "x09", "mean", "Mean", "p50", "p5", "z"]
        let texts = ["", "a/b", "quote \" here", "back\\slash", "tab\tnew\nline", "\u{01}", "é ü 工", "scenarios/x.yaml"]
        let numbers: [Double] = [0, 1, -1, 3600, 0.1, 0.01, 1.5, 18.94736842105263, 1e-7, 2.5e-12, 123456.789,
                                 1e14, 1e15 - 1, 9.5e14, -2_147_483_648, 1.0 / 3]
        func document(_ depth: Int) -> (Any, JSONText) {
            switch next() % (depth > 3 ? 4 : 7) {
            case 0: let n = numbers[Int(next() % UInt64(numbers.count))]; return (n, .double(n))
            case 1: let n = Int(next() % 2_000_000) - 1_000_000; return (n, .int(n))
            case 2: let t = texts[Int(next() % UInt64(texts.count))]; return (t, .string(t))
            case 3: let b = next() % 2 == 0; return (b, .bool(b))
            case 4:
                let items = (0..<Int(next() % 4)).map { _ in document(depth + 1) }
                return (items.map(\.0), .array(items.map(\.1)))
            default:
                var foundation: [String: Any] = [:], ours: [String: JSONText] = [:]
                for _ in 0..<Int(1 + next() % 6) {
                    let key = keyParts[Int(next() % UInt64(keyParts.count))]
                        + (next() % 3 == 0 ? keyParts[Int(next() % 5)] : "")
                    let (a, b) = document(depth + 1)
                    foundation[key] = a
                    ours[key] = b
                }
                return (foundation, .object(ours))
            }
        }
        for _ in 0..<300 {
            var (foundation, ours) = document(0)
            if !(foundation is [String: Any]) { foundation = ["v": foundation]; ours = .object(["v": ours]) }
            let data = try JSONSerialization.data(withJSONObject: foundation, options: [.sortedKeys])
            XCTAssertEqual(ours.text, String(decoding: data, as: UTF8.self))
        }
    }

    func testKeyOrder() {
        let keys = ["x10", "S", "x9", "s", "r", "Q"]
        XCTAssertEqual(keys.sorted(by: JSONText.keyPrecedes), ["Q", "r", "s", "S", "x9", "x10"])
    }
}
