/// Instant-level queries: is this working time, when does the current shift end, when does work
/// resume.
///
/// A *shift* here is a maximal stretch of uninterrupted working time (see `WorkingCalendar`):
/// one working day's `[start, end)` for partial-day shifts; consecutive working days joined for
/// 24-hour shifts; the whole time line for the continuous calendar, which therefore has no
/// shift end and no next shift start (`.infinity` for both). All queries are O(1) and
/// allocation-free.
extension WorkingCalendar {
    /// Whether `t` is working time: on a working day, in `[shift start, shift end)`. Always true
    /// in the continuous calendar.
    ///
    /// - Precondition: `|t.hours| ≤ maximumHours`.
    @inlinable
    public func isWorkingTime(_ t: SimTime) -> Bool {
        let day = Self.day(containing: t.hours)
        if isContinuous { return true }
        return isWorkingDay(dayIndex: day)
            && t.hours >= shiftStartHours(ofDay: day) && t.hours < shiftEndHours(ofDay: day)
    }

    /// The earliest shift start strictly after `t`, whether or not `t` is working time.
    ///
    /// A shift start exactly at `t` does not count (so calling this at a shift start gives the
    /// next one). With 24-hour shifts only the midnight that follows a rest day is a shift start.
    /// Returns `.infinity` in the continuous calendar (its one shift never starts again) and for
    /// `t == .infinity`.
    ///
    /// - Precondition: `t` is `.infinity` or `|t.hours| ≤ maximumHours`.
    public func nextShiftStart(after t: SimTime) -> SimTime {
        if t.hours == .infinity { return .infinity }
        let day = Self.day(containing: t.hours)
        if shiftsJoinAtMidnight {
            // A shift starts at the midnight of a working day that follows a rest day.
            guard let rest = cycle.firstRestDay(atOrAfter: day) else { return .infinity }   // 24/7
            return SimTime(hours: Double(nextWorkingDay(after: rest)) * 24)
        }
        if isWorkingDay(dayIndex: day) && shiftStartHours(ofDay: day) > t.hours {
            return SimTime(hours: shiftStartHours(ofDay: day))
        }
        return SimTime(hours: shiftStartHours(ofDay: nextWorkingDay(after: day)))
    }

    /// The earliest working instant at or after `t`: `t` itself if it is working time, else
    /// `nextShiftStart(after: t)`. Always `t` in the continuous calendar; `.infinity` for
    /// `t == .infinity`.
    ///
    /// - Precondition: `t` is `.infinity` or `|t.hours| ≤ maximumHours`.
    public func workResumes(atOrAfter t: SimTime) -> SimTime {
        if t.hours == .infinity { return .infinity }
        return isWorkingTime(t) ? t : nextShiftStart(after: t)
    }

    /// The end of the shift that contains `t` (the first instant after `t` that is not working
    /// time), or nil if `t` is not working time. `.infinity` in the continuous calendar.
    ///
    /// - Precondition: `|t.hours| ≤ maximumHours`.
    public func endOfCurrentShift(_ t: SimTime) -> SimTime? {
        guard isWorkingTime(t) else { return nil }
        let day = Self.day(containing: t.hours)
        if shiftsJoinAtMidnight {
            guard let rest = cycle.firstRestDay(atOrAfter: day + 1) else { return .infinity }   // 24/7
            return SimTime(hours: Double(rest) * 24)
        }
        return SimTime(hours: shiftEndHours(ofDay: day))
    }
}
