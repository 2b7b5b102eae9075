import Foundation
import TaktKernel

/// The results of `DistributionSyntax.parse`, kept by text: a sweep reads the same scenario once
/// per point, and most of its distribution texts are the same at every point. Parsing is a pure
/// function of the text, so a kept result is exactly what parsing again would give.
///
/// Thread-safe; bounded (emptied when it holds `capacity` texts).
final class DistributionParseCache: @unchecked Sendable {
    /// The cache every reader shares.
    static let shared = DistributionParseCache()

    /// The most texts kept before the cache is emptied.
    let capacity = 4_096
    private let lock = NSLock()
    private var results: [Key: Result<Distribution, SyntaxProblem>] = [:]

    private struct Key: Hashable {
        var text: String
        var isDuration: Bool
    }

    /// The kept result for `text`, or the result of `parse`, kept.
    func result(for text: String, isDuration: Bool,
                parse: () -> Result<Distribution, SyntaxProblem>) -> Result<Distribution, SyntaxProblem> {
        let key = Key(text: text, isDuration: isDuration)
        lock.lock()
        if let kept = results[key] { lock.unlock(); return kept }
        lock.unlock()
        let result = parse()
        lock.lock(); defer { lock.unlock() }
        if results.count >= capacity { results.removeAll(keepingCapacity: true) }
        results[key] = result
        return result
    }
}
