import TaktKernel
import TaktScenario
import TaktScheduling
import XCTest

/// Mutated job-shop files are either rejected with located errors or read into problems the
/// optimiser schedules validly: never a crash.
final class ReaderRobustnessTests: XCTestCase {
    func mutate(_ text: String, _ random: inout Xoshiro256StarStar) -> String {
        var bytes = Array(text.utf8)
        let alphabet = Array("0123456789 -\n\r\t.x9999999999999999999".utf8)
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let at = Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 3 {
            case 0 where at < bytes.count: bytes.remove(at: at)
            case 1: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
            default: if at < bytes.count { bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testMutatedFilesAreRejectedOrScheduledValidly() throws {
        let seeds = [("a.fjs", "3 3 1.5\n2  1 1 5  2 2 4 3 6\n1  1 3 2\n3  2 1 1 2 2  1 3 3  3 1 2 2 2 3 2\n"),
                     ("a.txt", "3 3\n0 3 1 2 2 2\n0 2 2 1 1 4\n1 4 2 3 0 1\n")]
        var random = Xoshiro256StarStar(seed: 2024)
        var accepted = 0, rejected = 0
        for (name, text) in seeds {
            for _ in 0..<1_500 {
                let mutated = mutate(text, &random)
                do {
                    let file = try SchedulingFile.parse(text: mutated, file: name)
                    accepted += 1
                    let result = ScheduleOptimiser(file.problem).run(OptimiserOptions(budget: .iterations(200),
                                                                                      walkers: 1))
                    XCTAssertEqual(ScheduleCheck.violations(of: result.schedule, for: file.problem,
                                                            claimedMakespan: result.makespan), [],
                                   mutated)
                } catch let error as ScenarioError {
                    rejected += 1
                    XCTAssertFalse(error.diagnostics.isEmpty)
                    XCTAssertTrue(error.diagnostics.allSatisfy { $0.file == name && $0.line >= 1 && $0.column >= 1 },
                                  mutated)
                }
            }
        }
        XCTAssertGreaterThan(accepted, 50)
        XCTAssertGreaterThan(rejected, 500)
    }
}
