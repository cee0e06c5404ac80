/// Why a `WorkingCalendar` could not be built: which field, what it held, and what is allowed.
///
/// Why a struct with a field name rather than an enum of cases: calendars come from scenario
/// files written by people, and the one thing they need is a message that points at the line to
/// fix, e.g. `shiftLengthHours must be in (0, 24] with start + length ≤ 24 (got 30.0)`.
/// `field` lets code (and tests) tell the failures apart without parsing the message.
public struct CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The initialiser parameter that holds the bad value.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case workingWeekdays
        case shiftStartHour
        case shiftLengthHours
        case holidays
        case startDate
        case coveredDays
    }

    /// The parameter at fault.
    public let field: Field
    /// The offending value, as written in the message (e.g. `"30.0"`, `"2027-01-06 (a Wednesday)"`, `"[]"`).
    public let value: String
    /// What the parameter accepts, phrased to follow "<field> must …".
    public let requirement: String

    public init(field: Field, value: String, requirement: String) {
        self.field = field
        self.value = value
        self.requirement = requirement
    }

    /// `"<field> must <requirement> (got <value>)"`.
    public var description: String { "\(field.rawValue) must \(requirement) (got \(value))" }
}
