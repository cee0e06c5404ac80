/// Day-level queries: which days are worked, and where each day's shift lies.
///
/// Why separate from the instant-level queries: the model plans by day (daily draws, daily
/// capacity), and these answers need nothing but the day index. All are O(1), allocation-free.
extension WorkingCalendar {
    /// The civil date of day `dayIndex` (day 0 is `startDate`).
    public func date(dayIndex: Int) -> CivilDate { startDate.adding(days: dayIndex) }

    /// The day index of `date` (negative before the start date).
    public func dayIndex(of date: CivilDate) -> Int { date.days(since: startDate) }

    /// Whether day `dayIndex` is a public holiday, whatever its weekday (never, if continuous).
    /// Outside the covered span, the day at the same offset in the span decides.
    @inlinable
    public func isHoliday(dayIndex: Int) -> Bool {
        let offset = Self.floorMod(dayIndex, coveredDays)
        return holidayBits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// Whether day `dayIndex` has a shift: its weekday is a working weekday and it is not a holiday.
    @inlinable
    public func isWorkingDay(dayIndex: Int) -> Bool {
        weekdayMask & (1 << UInt8(Self.floorMod(dayIndex, 7))) != 0 && !isHoliday(dayIndex: dayIndex)
    }

    /// Whether day `dayIndex` has no shift (a non-working weekday or a holiday).
    @inlinable
    public func isRestDay(dayIndex: Int) -> Bool { !isWorkingDay(dayIndex: dayIndex) }

    /// The instant the shift of day `dayIndex` starts (working time), or nil on a rest day.
    /// In the continuous calendar every day runs from its midnight to the next.
    @inlinable
    public func shiftStart(dayIndex: Int) -> SimTime? {
        isWorkingDay(dayIndex: dayIndex) ? SimTime(hours: shiftStartHours(ofDay: dayIndex)) : nil
    }

    /// The instant the shift of day `dayIndex` ends (not working time), or nil on a rest day.
    @inlinable
    public func shiftEnd(dayIndex: Int) -> SimTime? {
        isWorkingDay(dayIndex: dayIndex) ? SimTime(hours: shiftEndHours(ofDay: dayIndex)) : nil
    }

    /// Number of working days among days `fromDay..<toDay` (0 if `toDay ≤ fromDay`). O(1).
    public func workingDays(fromDay: Int, toDay: Int) -> Int {
        guard toDay > fromDay else { return 0 }
        return cycle.workingDays(before: toDay) - cycle.workingDays(before: fromDay)
    }

    /// The first working day with index strictly greater than `dayIndex`. O(1): found in the
    /// precomputed span, even when holidays leave a whole year without working days.
    public func nextWorkingDay(after dayIndex: Int) -> Int { cycle.firstWorkingDay(atOrAfter: dayIndex + 1) }

    // MARK: - Internal helpers shared by the queries

    /// `value mod divisor` in `0..<divisor`, for negative values too.
    @inlinable @inline(__always)
    static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        let r = value % divisor
        return r < 0 ? r + divisor : r
    }

    /// Hours since day 0 of the shift start of day `day` (midnight is exact: `day × 24`).
    @inlinable @inline(__always)
    func shiftStartHours(ofDay day: Int) -> Double { Double(day) * 24 + shiftStartHour }

    /// Hours since day 0 of the shift end of day `day`.
    @inlinable @inline(__always)
    func shiftEndHours(ofDay day: Int) -> Double { Double(day) * 24 + shiftEndHour }

    /// The day that contains the instant `hours`, with `day × 24 ≤ hours < (day + 1) × 24` exactly
    /// (the division alone can round across a midnight).
    ///
    /// - Precondition: `|hours| ≤ maximumHours` (so not NaN nor infinite).
    @inlinable @inline(__always)
    static func day(containing hours: Double) -> Int {
        precondition(hours.magnitude <= maximumHours,
                     "calendar queries need |t| ≤ \(maximumHours) h (got \(hours))")
        var day = Int((hours / 24).rounded(.down))
        let midnight = Double(day) * 24
        if midnight > hours { day -= 1 } else if midnight + 24 <= hours { day += 1 }
        return day
    }
}
