/// The patterns of docs/scenario.schema.json that describe what the reader accepts, built from
/// the reader's own tables so that the schema cannot drift from it: `ScenarioSchemaTests` fails
/// when the schema's patterns differ, and rewrites them with `TAKT_UPDATE_GOLDEN=1`.
extension Quantity {
    /// Every unit name of `durationUnits`, longest first, as a regular-expression alternation.
    static var unitAlternation: String {
        let names = durationUnits.flatMap(\.names).sorted { ($0.count, $1) > ($1.count, $0) }
        return "(?:" + names.joined(separator: "|") + ")"
    }

    /// A number as `splitNumber` reads it: digits with `_` separators, a decimal point, an exponent.
    static let numberPattern = "(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?"

    /// `$defs.duration.pattern`: every duration `parseDuration` reads (`30 s`, `1.5 hours`, `-2 d`).
    public static var durationSchemaPattern: String {
        "^\\s*[+-]?" + numberPattern + "\\s*" + unitAlternation + "\\s*$"
    }

    /// `$defs.rate.pattern`: every rate `parseRate` reads (`6 /h`, `5 /minute`, `100 per wk`).
    public static var rateSchemaPattern: String {
        "^\\s*\\+?" + numberPattern + "\\s*(?:/|per )\\s*" + unitAlternation + "\\s*$"
    }

    /// Every spelling of a unit the reader accepts, for tests: each name of `durationUnits`.
    public static var unitSpellings: [String] { durationUnits.flatMap(\.names) }
}

extension DistributionSyntax {
    /// `$defs.lawText.pattern`: a distribution's name and its parenthesised parameters.
    public static var lawSchemaPattern: String {
        "^\\s*(?:" + signatures.keys.sorted().joined(separator: "|") + ")\\s*\\(.*\\)\\s*$"
    }
}
