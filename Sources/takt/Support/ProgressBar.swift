import Foundation
import TaktExperiments

/// A one-line progress bar on standard error: share done, simulated time, events/s, ETA.
/// Shown only when standard error is a terminal, redrawn at most 10 times a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drew = false

    /// A bar if standard error is a terminal, else nil (silent in pipes, files and CI).
    static func forStandardError() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func update(_ report: ProgressReport) {
        draw(fraction: report.fraction, events: report.events, detail: String(
            format: "rep %d/%d  sim %.1f h", report.replicationsDone, report.replications,
            report.simulatedSeconds / 3600))
    }

    /// Redraws the bar (at most 10 times a second): share done, `detail`, events/s and ETA.
    func draw(fraction: Double, events: Int, detail: String) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drew = true
        let elapsed = now.timeIntervalSince(started)
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let rate = elapsed > 0 ? Double(events) / elapsed : 0
        let remaining = fraction > 0.001 ? elapsed * (1 - fraction) / fraction : .nan
        let eta = remaining.isFinite ? String(format: "%.0f s", remaining) : "?"
        let line = String(format: "\r[%@] %3.0f%%  %@  %.1f M ev/s  ETA %@ ", bar, fraction * 100, detail, rate / 1e6,
                          eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
