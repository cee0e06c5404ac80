/// A point or a span of simulated time, in hours.
///
/// Why one type: the whole program measures time in hours from Monday 00:00 of week 1, so an
/// instant and a duration share the unit and mixing them up costs nothing worse than a wrong
/// number; separate types would double the API for little safety. Days are 24 h, weeks 168 h.
///
/// ```swift
/// let due = SimTime.days(3) + .hours(4)   // Thursday 04:00 of week 1
/// due.dayIndex     // 3
/// due.hourOfDay    // 4.0
/// ```
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let hoursPerDay = 24.0
    public static let hoursPerWeek = 168.0

    /// Hours since Monday 00:00 of week 1 (or the length of a span, in hours).
    public var hours: Double

    @inlinable public init(hours: Double) { self.hours = hours }

    @inlinable public static func hours(_ h: Double) -> SimTime { SimTime(hours: h) }
    @inlinable public static func days(_ d: Double) -> SimTime { SimTime(hours: d * hoursPerDay) }
    @inlinable public static func weeks(_ w: Double) -> SimTime { SimTime(hours: w * hoursPerWeek) }

    public static let zero = SimTime(hours: 0)
    public static let infinity = SimTime(hours: .infinity)

    /// The time in days (fractional).
    @inlinable public var days: Double { hours / Self.hoursPerDay }
    /// The time in weeks (fractional).
    @inlinable public var weeks: Double { hours / Self.hoursPerWeek }
    /// Index of the day that contains this instant: day 0 is Monday of week 1.
    @inlinable public var dayIndex: Int { Int((hours / Self.hoursPerDay).rounded(.down)) }
    /// Index of the week that contains this instant: week 0 is the first week.
    @inlinable public var weekIndex: Int { Int((hours / Self.hoursPerWeek).rounded(.down)) }
    /// Hours since midnight of the day that contains this instant, in [0, 24).
    @inlinable public var hourOfDay: Double { hours - Double(dayIndex) * Self.hoursPerDay }
    /// Day of the week: 0 = Monday … 6 = Sunday.
    @inlinable public var weekday: Int { ((dayIndex % 7) + 7) % 7 }

    @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.hours < b.hours }
    @inlinable public static func + (a: SimTime, b: SimTime) -> SimTime { SimTime(hours: a.hours + b.hours) }
    @inlinable public static func - (a: SimTime, b: SimTime) -> SimTime { SimTime(hours: a.hours - b.hours) }
    @inlinable public static func += (a: inout SimTime, b: SimTime) { a.hours += b.hours }
    @inlinable public static func -= (a: inout SimTime, b: SimTime) { a.hours -= b.hours }
    @inlinable public static func * (a: SimTime, k: Double) -> SimTime { SimTime(hours: a.hours * k) }

    public var description: String { "t=\(hours)h" }
}
