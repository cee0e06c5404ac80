/// Converting between elapsed simulated time and working time.
///
/// Why: service demands are stated in working hours, events are scheduled at simulated instants.
/// `workingHours(from:to:)` measures, `instant(afterWorkingHours:from:)` inverts it, and the two
/// agree: `workingHours(from: t, to: instant(afterWorkingHours: h, from: t)) == h` up to
/// floating-point rounding (about 1e-12 relative). Both are O(1) whatever the span: the partial
/// first and last days are computed directly and the whole days between are counted in the
/// precomputed span of working days (`WorkingDayCycle`).
extension WorkingCalendar {
    /// Working time inside `[from, to)`, in hours; 0 if `to ≤ from`. Equals `to − from` in the
    /// continuous calendar. `to == .infinity` gives `.infinity`.
    ///
    /// - Complexity: O(1), no allocation.
    /// - Precondition: `|from.hours| ≤ maximumHours`; `to` is `.infinity` or `|to.hours| ≤ maximumHours`.
    public func workingHours(from: SimTime, to: SimTime) -> Double {
        let a = from.hours, b = to.hours
        let firstDay = Self.day(containing: a)
        if b == .infinity { return .infinity }
        let lastDay = Self.day(containing: b)
        guard b > a else { return 0 }
        if isContinuous { return b - a }
        if firstDay == lastDay { return workingHours(onDay: firstDay, from: a, to: b) }
        let head = workingHours(onDay: firstDay, from: a, to: .infinity)
        let middle = Double(workingDays(fromDay: firstDay + 1, toDay: lastDay)) * shiftLengthHours
        let tail = workingHours(onDay: lastDay, from: -.infinity, to: b)
        return head + middle + tail
    }

    /// The instant at which `h` hours of working time starting at `t` are complete: the earliest
    /// `x ≥ t` with `workingHours(from: t, to: x) ≥ h`.
    ///
    /// Consequences of "earliest": `h == 0` gives `t` itself (even outside working time: nothing
    /// to do is done at once); work that completes exactly at a shift end completes *at* that
    /// end, not at the next shift start; for `h > 0` the result lies in `(shift start, shift end]`
    /// of some working day. Work started outside working time begins at `workResumes(atOrAfter: t)`.
    /// In the continuous calendar the result is `t + h`. `h == .infinity` or `t == .infinity`
    /// gives `.infinity` (unless `h == 0`).
    ///
    /// - Complexity: O(1), no allocation.
    /// - Precondition: `h` is in `[0, maximumHours]` or `.infinity` (not NaN); `t` is `.infinity`
    ///   or `|t.hours| ≤ maximumHours`.
    public func instant(afterWorkingHours h: Double, from t: SimTime) -> SimTime {
        precondition(h >= 0 && (h <= Self.maximumHours || h == .infinity),
                     "working hours must be in [0, \(Self.maximumHours)] or infinite (got \(h))")
        if h == 0 { return t }
        if t.hours == .infinity || h == .infinity { return .infinity }
        let day = Self.day(containing: t.hours)
        if isContinuous { return t + .hours(h) }

        // Whatever is left of today's shift.
        var remaining = h
        if isWorkingDay(dayIndex: day) {
            let begin = max(t.hours, shiftStartHours(ofDay: day))
            let end = shiftEndHours(ofDay: day)
            let available = end - begin
            if available > 0 {
                if h <= available { return SimTime(hours: min(begin + h, end)) }
                remaining = h - available
            }
        }

        // Then whole shifts: finish during the k-th working day after today, with
        // 0 < lastPart ≤ shift length on that day.
        let length = shiftLengthHours
        var k = max(1, Int((remaining / length).rounded(.up)))
        var lastPart = remaining - Double(k - 1) * length
        if lastPart > length { k += 1; lastPart -= length }
        if lastPart <= 0 && k > 1 { k -= 1; lastPart += length }
        let finishDay = cycle.workingDay(number: cycle.workingDays(before: day + 1) + k - 1)
        let finish = shiftStartHours(ofDay: finishDay) + lastPart
        return SimTime(hours: min(finish, shiftEndHours(ofDay: finishDay)))
    }

    /// Working hours of day `day` that fall inside `[a, b)`.
    @inline(__always)
    private func workingHours(onDay day: Int, from a: Double, to b: Double) -> Double {
        guard isWorkingDay(dayIndex: day) else { return 0 }
        return max(0, min(b, shiftEndHours(ofDay: day)) - max(a, shiftStartHours(ofDay: day)))
    }
}
