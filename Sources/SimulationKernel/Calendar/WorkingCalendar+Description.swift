/// A one-line summary for logs and reports, e.g.
/// `Mon–Fri 08:00–15:00 from 2027-01-04, holidays france + 2 dates`.
extension WorkingCalendar: CustomStringConvertible {
    public var description: String {
        if isContinuous { return "continuous (24/7)" }
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let days = workingWeekdays
        let isRange = days.count > 2 && days.last! - days.first! == days.count - 1
        let dayText = isRange ? "\(names[days.first!])–\(names[days.last!])"
                              : days.map { names[$0] }.joined(separator: ",")
        let extra = publicHolidays.extraDates.count
        let extraText = extra == 1 ? "1 date" : "\(extra) dates"
        let holidayText = switch (publicHolidays.set, extra) {
        case (.none, 0): ""
        case (.none, _): ", holidays " + extraText
        case (let set, 0): ", holidays \(set.rawValue)"
        case (let set, _): ", holidays \(set.rawValue) + " + extraText
        }
        return "\(dayText) \(Self.clock(shiftStartHour))–\(Self.clock(shiftEndHour)) from \(startDate)\(holidayText)"
    }

    /// `hh:mm`, rounded to the minute.
    private static func clock(_ hour: Double) -> String {
        let minutes = Int((hour * 60).rounded())
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
