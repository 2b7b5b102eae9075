import Foundation

/// Text as it comes from any editor or export: LF (Unix), CRLF (Windows) or CR-only (old Mac,
/// some MES exports) line ends, with or without a UTF-8 byte-order mark. Every reader of Takt
/// normalises its text here first, so line numbers in messages are the same whatever the line
/// ends, and no reader has to know about them.
public enum LineEnds {
    /// The text with every CRLF and lone CR turned into LF and a leading byte-order mark removed.
    public static func normalised(_ text: String) -> String {
        var result = text
        if result.hasPrefix("\u{FEFF}") { result.removeFirst() }
        guard result.utf8.contains(13) else { return result }
        return result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The lines of already normalised text, empty ones kept (line k is element k − 1).
    public static func lines(of normalisedText: String) -> [Substring] {
        normalisedText.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
