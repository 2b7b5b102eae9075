import Foundation
import TaktKernel
import TaktScenario
import TaktScheduling

/// Fixtures and random instances shared by the tests.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Published optimal makespans of the fixture instances.
    static let optima = ["ft06": 55, "ft10": 930, "ft20": 1165, "la01": 666, "la02": 655, "la03": 597, "la04": 590,
                         "la05": 593]

    static func load(_ name: String) throws -> SchedulingProblem {
        try SchedulingFile.load(path: folder.appendingPathComponent(name).path).problem
    }

    /// A random classic instance: each job visits every machine once in random order, times 1...99.
    static func classic(jobs: Int, machines: Int, seed: UInt64) -> SchedulingProblem {
        var random = Xoshiro256StarStar(seed: seed)
        return SchedulingProblem(machineCount: machines, classicJobs: (0..<jobs).map { _ in
            var order = Array(0..<machines)
            for k in stride(from: machines - 1, to: 0, by: -1) { order.swapAt(k, Int(random.next() % UInt64(k + 1))) }
            return order.map { (machine: $0, duration: 1 + Int(random.next() % 99)) }
        })
    }

    /// A random flexible instance: 1 to 5 operations per job, each with 1 to `machines` eligible machines,
    /// times 0...20 (zero times included on purpose).
    static func flexible(jobs: Int, machines: Int, seed: UInt64) -> SchedulingProblem {
        var random = Xoshiro256StarStar(seed: seed)
        return SchedulingProblem(machineCount: machines, jobs: (0..<jobs).map { _ in
            (0..<(1 + Int(random.next() % 5))).map { _ in
                var pool = Array(0..<machines)
                for k in stride(from: machines - 1, to: 0, by: -1) { pool.swapAt(k,
                                                                                 Int(random.next() % UInt64(k + 1))) }
                let count = 1 + Int(random.next() % UInt64(machines))
                return .init(alternatives: pool.prefix(count).map { .init(machine: $0,
                                                                          duration: Int(random.next() % 21)) })
            }
        })
    }
}
