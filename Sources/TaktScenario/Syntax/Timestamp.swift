/// A date and time as ERP and MES exports write them: ISO 8601 with `T` or a space between date
/// and time, seconds (and fractions) optional, an optional zone (`Z`, `+01:00`, `+0100`, `+01`):
/// `2026-03-02`, `2026-03-02 06:00`, `2026-03-02T06:00:00`, `2026-03-02T06:00:00.250+01:00`.
///
/// A timestamp without a zone is a wall-clock time; it is read in the zone of the timestamp it is
/// measured from (`seconds(since:)`), so files without zones need none anywhere.
public struct Timestamp: Equatable, Sendable {
    /// Seconds since 1970-01-01 00:00 of the wall clock written, before any zone is applied.
    public var wallClockSeconds: Double
    /// The zone written, in seconds east of UTC; nil when none was.
    public var zoneOffset: Int?

    /// Seconds from `origin` to this timestamp. A side without a zone takes the other's zone.
    public func seconds(since origin: Timestamp) -> Double {
        let zone = zoneOffset ?? origin.zoneOffset ?? 0, originZone = origin.zoneOffset ?? zoneOffset ?? 0
        return (wallClockSeconds - Double(zone)) - (origin.wallClockSeconds - Double(originZone))
    }

    /// The timestamp in ISO 8601, `2026-03-02T06:00:00` with its zone when it has one
    /// (`Z`, `+01:00`), fractions of a second to the millisecond.
    public var isoText: String {
        let days = Int((wallClockSeconds / 86_400).rounded(.down))
        let (year, month, day) = Self.civil(fromDays: days)
        let secondOfDay = wallClockSeconds - Double(days) * 86_400
        let whole = Int(secondOfDay)
        let millis = Int(((secondOfDay - Double(whole)) * 1000).rounded())
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(two(month))-\(two(day))T\(two(whole / 3600)):\(two(whole / 60 % 60)):\(two(whole % 60))"
        if millis > 0 { text += "." + String(String(millis + 1000).dropFirst()) }
        if let zoneOffset {
            let minutes = abs(zoneOffset) / 60
            text += zoneOffset == 0 ? "Z" : (zoneOffset < 0 ? "-" : "+") + "\(two(minutes / 60)):\(two(minutes % 60))"
        }
        return text
    }

    /// The date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `text` starts like a date (`YYYY-`), so that a reader can say it is a malformed
    /// timestamp rather than a malformed duration.
    static func looksLikeDate(_ text: String) -> Bool {
        let prefix = Array(text.utf8.prefix(5))
        return prefix.count == 5 && prefix[0..<4].allSatisfy { (48...57).contains($0) }
            && prefix[4] == UInt8(ascii: "-")
    }

    /// The forms accepted, for messages.
    static let examples = "2026-03-02 06:00, 2026-03-02T06:00:00 or 2026-03-02T06:00:00+01:00"

    /// The timestamp `text` spells, or nil.
    public init?(_ text: String) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
              scanner.take("-"), let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(Self.daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        if scanner.take("T") || scanner.take(" ") {
            guard let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2),
                  hour < 24, minute < 60 else { return nil }
            seconds += Double(hour * 3600 + minute * 60)
            if scanner.take(":") {
                guard let second = scanner.number(digits: 2), second < 60 else { return nil }
                seconds += Double(second)
                if scanner.take(".") || scanner.take(",") {
                    guard let fraction = scanner.fraction() else { return nil }
                    seconds += fraction
                }
            }
            while scanner.take(" ") {}
            if scanner.take("Z") {
                zoneOffset = 0
            } else if let sign: Int = scanner.take("+") ? 1 : scanner.take("-") ? -1 : nil {
                guard let hours = scanner.number(digits: 2), hours <= 18 else { return nil }
                _ = scanner.take(":")
                let minutes = scanner.atEnd ? 0 : scanner.number(digits: 2)
                guard let minutes, minutes < 60 else { return nil }
                zoneOffset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard scanner.atEnd else { return nil }
        wallClockSeconds = seconds
    }

    /// Days from 1970-01-01 to the date in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Reads fixed-width numbers and literal characters off ASCII bytes, for `Timestamp`.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    /// Moves past `character` if it comes next.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// The number written in exactly `digits` digits next, or nil (and nothing consumed).
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// The digits next read as a decimal fraction (`250` is 0.25), or nil if there are none.
    mutating func fraction() -> Double? {
        var value = 0.0, scale = 0.1, any = false
        while index < bytes.count, (48...57).contains(bytes[index]) {
            value += Double(bytes[index] - 48) * scale
            scale /= 10
            index += 1
            any = true
        }
        return any ? value : nil
    }
}
