import TaktKernel
import Yams

/// Expands a design into points. Deterministic: the same parameters and seed give the same
/// points, on any machine, in any process.
///
/// Random designs draw from one stream per parameter, named after its path
/// (`RandomStreams(seed:).stream(entity: "design:<path>", purpose: <design>)`), so adding a
/// parameter leaves the draws of the others unchanged.
public enum DesignExpansion {
    /// The most points a design may have (grids, random and Latin-hypercube designs alike).
    public static let mostPoints = 1_000_000

    /// The number of points of a grid over these parameters, or nil if it does not fit an `Int`.
    static func gridSize(_ parameters: [SweepParameter]) -> Int? {
        var count = 1
        for parameter in parameters {
            guard case .values(let values) = parameter.domain else { continue }
            let (product, overflow) = count.multipliedReportingOverflow(by: values.count)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// Every combination of the parameters' values; the first parameter varies slowest.
    /// - Precondition: every parameter has a list of values (ranges are turned into values by the reader).
    static func grid(_ parameters: [SweepParameter]) -> [SweepPoint] {
        let lists = parameters.map { parameter -> [SweepValue] in
            guard case .values(let values) = parameter.domain
            else { preconditionFailure("grid parameter \(parameter.name) has no values") }
            return values
        }
        guard !lists.isEmpty, lists.allSatisfy({ !$0.isEmpty }) else { return [] }
        let count = lists.reduce(1) { $0 * $1.count }
        return (0..<count).map { index in
            var rest = index
            var values = [SweepValue](repeating: lists[0][0], count: lists.count)
            for position in lists.indices.reversed() {
                values[position] = lists[position][rest % lists[position].count]
                rest /= lists[position].count
            }
            return SweepPoint(index: index, values: values, mark: nil)
        }
    }

    /// `count` points drawn independently: uniform over a range, or over a list of values.
    static func random(_ parameters: [SweepParameter], count: Int, seed: UInt64) -> [SweepPoint] {
        let columns = parameters.map { parameter -> [SweepValue] in
            var stream = RandomStreams(seed: seed).stream(entity: "design:\(parameter.name)", purpose: "random")
            return (0..<count).map { _ in value(parameter, unit: stream.nextUnit()) }
        }
        return points(columns, count: count)
    }

    /// A Latin hypercube of `count` points: for every parameter, a random permutation of the
    /// `count` strata of [0, 1) and a uniform position inside each stratum, mapped onto the
    /// parameter's range (or its list of values, by equal shares).
    static func latinHypercube(_ parameters: [SweepParameter], count: Int, seed: UInt64) -> [SweepPoint] {
        let columns = parameters.map { parameter -> [SweepValue] in
            var stream = RandomStreams(seed: seed)
                                       .stream(entity: "design:\(parameter.name)", purpose: "latin-hypercube")
            let strata = unitHypercubeColumn(count: count, stream: &stream)
            return strata.map { value(parameter, unit: $0) }
        }
        return points(columns, count: count)
    }

    /// One column of a Latin hypercube in [0, 1): `(π(i) + u_i) / count` for a random
    /// permutation π (Fisher–Yates) and uniform u_i. Stratum k = ⌊x·count⌋ holds exactly one x.
    public static func unitHypercubeColumn(count: Int, stream: inout Xoshiro256StarStar) -> [Double] {
        var permutation = Array(0..<count)
        if count > 1 {
            for index in stride(from: count - 1, to: 0, by: -1) {
                let other = min(index, Int(stream.nextUnit() * Double(index + 1)))
                permutation.swapAt(index, other)
            }
        }
        return permutation.map { stratum in
            let x = (Double(stratum) + stream.nextUnit()) / Double(count)
            return min(x, (Double(stratum) + 1) / Double(count) - Double.ulpOfOne)
        }
    }

    /// The value of `parameter` at position `unit` ∈ [0, 1) of its domain.
    static func value(_ parameter: SweepParameter, unit: Double) -> SweepValue {
        switch parameter.domain {
        case .values(let values):
            return values[min(values.count - 1, Int(unit * Double(values.count)))]
        case .range(let low, let high, let integer, _):
            let number: Double
            if integer {
                number = min(high, low + (unit * (high - low + 1)).rounded(.down))
            } else {
                number = low + unit * (high - low)
            }
            let label = SweepReader.numberText(number)
            let text = parameter.formatted(label)
            return SweepValue(label: label, text: text, number: number,
                              node: .scalar(Node.Scalar(text, .implicit, .plain, parameter.specMark)))
        }
    }

    private static func points(_ columns: [[SweepValue]], count: Int) -> [SweepPoint] {
        (0..<count).map { index in SweepPoint(index: index, values: columns.map { $0[index] }, mark: nil) }
    }
}
