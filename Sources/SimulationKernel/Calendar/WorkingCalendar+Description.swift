/// A one-line summary for logs and reports, e.g. `Mon–Fri 08:00–15:00, holidays [1, 359]`.
extension WorkingCalendar: CustomStringConvertible {
    public var description: String {
        if isContinuous { return "continuous (24/7)" }
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let days = workingWeekdays
        let isRange = days.count > 2 && days.last! - days.first! == days.count - 1
        let dayText = isRange ? "\(names[days.first!])–\(names[days.last!])"
                              : days.map { names[$0] }.joined(separator: ",")
        let holidayText = holidaySet.isEmpty ? "" : ", holidays \(holidays)"
        return "\(dayText) \(Self.clock(shiftStartHour))–\(Self.clock(shiftEndHour))\(holidayText)"
    }

    /// `hh:mm`, rounded to the minute.
    private static func clock(_ hour: Double) -> String {
        let minutes = Int((hour * 60).rounded())
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
