/// One variant of a file that holds several (a `takt compare` result): the variant's own id →
/// name tables and resolved scenario, since variants may differ in machines or sensors.
public struct ResultVariant: Sendable {
    /// The variant's name (`"base"` for the scenario without overlay), as under `/runs`.
    public var name: String
    /// Its id → name tables (`/lookup/variants/<name>`).
    public var lookups: ResultLookups
    /// Its fully resolved scenario as JSON (`/scenario/variants/<name>/resolved_json`).
    public var resolvedJSON: String

    public init(name: String, lookups: ResultLookups, resolvedJSON: String) {
        self.name = name
        self.lookups = lookups
        self.resolvedJSON = resolvedJSON
    }
}
