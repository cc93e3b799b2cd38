/// Which rows a day-based call (activity, workouts, sleep summaries) asks for.
public enum FetchWindow: Sendable, Equatable {
    /// Rows created or changed after this epoch second (`lastupdate`).
    case changedSince(Int64)
    /// Rows whose day lies in this inclusive range of `YYYY-MM-DD` dates (`startdateymd`/`enddateymd`).
    case days(from: String, to: String)

    /// The form fields for this window.
    var fields: [FormField] {
        switch self {
        case .changedSince(let epoch): [FormField("lastupdate", String(epoch))]
        case .days(let from, let to): [FormField("startdateymd", from), FormField("enddateymd", to)]
        }
    }
}
