import Foundation

extension Substring {
    /// The text without leading and trailing whitespace: the same result as
    /// `trimmingCharacters(in: .whitespaces)` (Unicode category Zs and the tab), computed on
    /// Unicode scalars without bridging to `NSString`, which cost most of a scenario's reading
    /// time (a sweep reads its scenario once per point).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isWhitespace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// The text with every `_` removed (digit separators, `1_000`): the same result as
    /// `replacingOccurrences(of: "_", with: "")`, without a scan of scalars when there is none.
    func removingUnderscores() -> String {
        guard utf8.contains(UInt8(ascii: "_")) else { return String(self) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.lazy.filter { $0 != "_" })
        return String(scalars)
    }

    /// Whether `scalar` belongs to `CharacterSet.whitespaces`; ASCII answered without the set.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return CharacterSet.whitespaces.contains(scalar)
    }
}

extension String {
    /// The text without leading and trailing whitespace, as `Substring.trimmingWhitespace()`.
    func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }

    /// The text with every `_` removed, as `Substring.removingUnderscores()`.
    func removingUnderscores() -> String {
        utf8.contains(UInt8(ascii: "_")) ? self[...].removingUnderscores() : self
    }
}
