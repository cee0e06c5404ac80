/// Conversions for models that keep times as plain `Double` hours in their hot paths.
///
/// Why plain numbers and not `SimTime` values: a model's state holds dozens of times, read
/// and compared per event, and a wrapper per field would change the type but not one
/// operation. These helpers give those numbers the same units and the same single source of
/// the factors as `SimTime`. Each is exactly the one operation it names (`days × 24`,
/// `hours ÷ 24`), so replacing a bare factor by it gives the same bits: `x / 24` and
/// `x * (1 / 24)` differ in the last bit for some `x`.
///
/// ```swift
/// SimTime.hours(days: 1.5)        // 36.0
/// SimTime.days(hours: 36)         // 1.5
/// SimTime.dayIndex(ofHours: 36)   // 1
/// ```
extension SimTime {
    /// Days in a week, for week numbers and weekly averages of daily counts.
    public static let daysPerWeek = 7

    /// `days` days as hours: `days × 24`.
    @inlinable public static func hours(days: Double) -> Double { days * hoursPerDay }

    /// `hours` hours as (fractional) days: `hours ÷ 24`.
    @inlinable public static func days(hours: Double) -> Double { hours / hoursPerDay }

    /// The index of the day that contains the instant `hours`, for instants at or after the
    /// start (`hours ≥ 0`). Why not `SimTime(hours:).dayIndex`: that rounds down, which is
    /// the same number here but a call into the C library on the baseline x86-64 target,
    /// while truncation is one instruction; the model asks for it at every delivery.
    @inlinable public static func dayIndex(ofHours hours: Double) -> Int { Int(hours / hoursPerDay) }
}
