// calendar-bench: choose the event calendar's priority queue by measurement.
//
//   swift build -c release
//   .build/release/calendar-bench [--holds N] [--runs R] [--sizes 10,100,...]
//       [--dists exp,uniform,bimodal] [--structs binary,4-ary,pairing,calendar]
//       [--no-mmc] [--no-check] [--show-min]

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var holds = 5_000_000
    var runs = 5
    var sizes = [10, 100, 1_000, 10_000, 100_000, 1_000_000]
    var dists = Distribution.allCases
    var mmc = true
    var check = true
    var showMin = false
    var structs = Candidate.defaultNames

    init(_ args: [String]) {
        var i = 1
        func value() -> String {
            i += 1
            guard i < args.count else { usage() }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--holds": holds = orUsage(Int(value()))
            case "--runs": runs = orUsage(Int(value()))
            case "--sizes": sizes = value().split(separator: ",").map { orUsage(Int($0)) }
            case "--dists":
                dists = value().split(separator: ",").map { orUsage(Distribution(rawValue: String($0))) }
            case "--no-mmc": mmc = false
            case "--no-check": check = false
            case "--show-min": showMin = true
            case "--structs": structs = value().split(separator: ",").map(String.init)
            default: usage()
            }
            i += 1
        }
    }
}

func usage() -> Never {
    print("usage: calendar-bench [--holds N] [--runs R] [--sizes a,b,..] [--dists exp,uniform,bimodal] [--structs binary,4-ary,pairing,calendar] [--no-mmc] [--no-check] [--show-min]")
    exit(2)
}

func orUsage<T>(_ x: T?) -> T {
    guard let x else { usage() }
    return x
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func fmt(_ x: Double, _ digits: Int = 1) -> String {
    var s = String(Int((x * pow(10, Double(digits))).rounded()))
    while s.count <= digits { s = "0" + s }
    if digits > 0 { s.insert(".", at: s.index(s.endIndex, offsetBy: -digits)) }
    return s
}

func pad(_ s: String, _ w: Int) -> String {
    s.count >= w ? s : String(repeating: " ", count: w - s.count) + s
}

/// A structure under test, type-erased so that the set can be chosen on the
/// command line. Each closure calls a generic function specialised for Q.
struct Candidate {
    let name: String
    let hold: (_ initial: [Double], _ incs: [Double]) -> Measurement
    let mmc: (_ ia: [Double], _ sv: [Double], _ events: Int) -> Measurement
    let check: (_ seed: UInt64) -> Int

    static func of<Q: EventQueue>(_ q: Q.Type) -> Candidate {
        Candidate(
            name: Q.name,
            hold: { holdRun(q, initial: $0, incs: $1) },
            mmc: { mmcRun(q, servers: 5, interArrivals: $0, services: $1, events: $2) },
            check: { selfCheck(q, seed: $0) })
    }

    static var all: [Candidate] { [
        .of(BinaryHeap.self), .of(QuaternaryHeap.self), .of(PairingHeap.self), .of(CalendarQueue.self),
        .of(BranchlessBinaryHeap.self), .of(AdaptiveCalendarQueue.self),
    ] }
    static let defaultNames = ["binary", "4-ary", "pairing", "calendar"]
}

/// One benchmark cell: runs are interleaved across structures (run 1 of
/// each, then run 2 of each, ...) so that background noise is spread evenly;
/// reports median, min, max and checks that all pop orders agree.
struct Runner {
    var showMin = false

    func cell(runs: Int, _ fns: [() -> Measurement]) -> [(median: Double, min: Double, max: Double)] {
        var samples = Array(repeating: [Double](), count: fns.count)
        var hashes = Array(repeating: UInt64(0), count: fns.count)
        for _ in 0..<runs {
            for (k, f) in fns.enumerated() {
                let m = f()
                samples[k].append(m.nsPerOp)
                hashes[k] = m.hash
            }
        }
        if Set(hashes).count != 1 {
            print("!! pop-order hash mismatch between structures: \(hashes)")
            exit(1)
        }
        return samples.map { (median($0), $0.min()!, $0.max()!) }
    }

    func printRow(_ label: String, _ r: [(median: Double, min: Double, max: Double)]) {
        var line = "| " + label + " |"
        let best = r.map(\.median).min()!
        for x in r {
            let spread = (x.max - x.min) / x.median
            var s = fmt(x.median)
            if x.median == best { s = "**" + s + "**" }
            if spread > 0.10 { s += " ~" + fmt(spread * 100, 0) + "%" }
            if showMin { s += " (min " + fmt(x.min) + ")" }
            line += " " + pad(s, 16) + " |"
        }
        print(line)
        fflush(nil)
    }
}

@main
struct CalendarBench {
    static func main() {
        let opt = Options(CommandLine.arguments)
        let runner = Runner(showMin: opt.showMin)
        let cands: [Candidate] = opt.structs.map { name in
            guard let c = Candidate.all.first(where: { $0.name == name }) else {
                print("unknown structure \(name); known: \(Candidate.all.map(\.name))")
                exit(2)
            }
            return c
        }

        if opt.check {
            var ops = 0
            for c in cands { ops += c.check(1) }
            print("self-check passed: \(ops) checked operations over \(cands.map(\.name)); pop order == sorted reference (time, key)")
        }
        print("holds per run: \(opt.holds), runs per cell: \(opt.runs) (median shown; ~N% = (max-min)/median when > 10%; bold = fastest)")
        print("")

        let header = "| n | " + cands.map { pad($0.name, 16) }.joined(separator: " | ") + " |"
        let rule = "|---|" + cands.map { _ in "-----------------:" }.joined(separator: "|") + "|"

        for (di, dist) in opt.dists.enumerated() {
            print("### hold model, increments \(dist.label), ns per hold")
            print(header)
            print(rule)
            let incs = dist.samples(opt.holds, seed: 0x7A_6B74 &+ UInt64(di) &* 1000)
            for n in opt.sizes {
                let initial = dist.samples(n, seed: 0x5EED &+ UInt64(di) &* 1000 &+ UInt64(n))
                let r = runner.cell(runs: opt.runs, cands.map { c in { c.hold(initial, incs) } })
                runner.printRow(String(n), r)
            }
            print(""); fflush(nil)
        }

        if opt.mmc {
            print("### Takt case: M/M/c-like, c = 5, rho = 0.9")
            print(header)
            print(rule)
            // hold model at n = 6, exponential increments
            let incs = Distribution.exp.samples(opt.holds, seed: 0x7A_6B74)
            let initial = Distribution.exp.samples(6, seed: 0x5EED_0006)
            let r = runner.cell(runs: opt.runs, cands.map { c in { c.hold(initial, incs) } })
            runner.printRow("hold n=6, exp (ns/hold)", r)
            // the real event pattern: arrivals + departures, 1..6 pending
            var rng = Xoshiro256StarStar(seed: 0xC0FFEE)
            let lambda = 0.9 * 5.0
            var ia = [Double](), sv = [Double]()
            ia.reserveCapacity(opt.holds); sv.reserveCapacity(opt.holds)
            for _ in 0..<opt.holds { ia.append(rng.exponential(mean: 1 / lambda)) }
            for _ in 0..<opt.holds { sv.append(rng.exponential(mean: 1)) }
            let r2 = runner.cell(runs: opt.runs, cands.map { c in { c.mmc(ia, sv, opt.holds) } })
            runner.printRow("M/M/5 sim (ns/event)", r2)
            print(""); fflush(nil)
        }
    }
}
