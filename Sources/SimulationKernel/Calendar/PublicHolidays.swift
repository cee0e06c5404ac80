/// A named set of public holidays: the rules that give each year's dates.
///
/// - `france`: the eleven holidays of the Code du travail L3133-1: 1 January, Easter Monday,
///   1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November,
///   25 December.
/// - `franceAlsaceMoselle`: those plus Good Friday and 26 December (the local law of the
///   Bas-Rhin, Haut-Rhin and Moselle, Code du travail L3134-13).
/// - `none`: no public holiday.
public enum HolidaySet: String, Sendable, Hashable, CaseIterable {
    case france
    case franceAlsaceMoselle = "france-alsace-moselle"
    case none
}

/// The public holidays of a calendar: a named set's dates every year, plus extra dates (company
/// closure days, a local holiday) that happen once.
///
/// Why rules rather than a list of dates: Easter moves, so a list would have to be written out
/// for every year of every horizon. The movable feasts are counted from Easter Sunday: Good
/// Friday −2 days, Easter Monday +1, Ascension +39, Whit Monday +50.
public struct PublicHolidays: Sendable, Hashable {
    public var set: HolidaySet
    /// Dates that are holidays on top of the set's, once each (not repeated yearly).
    public var extraDates: [CivilDate]

    public init(set: HolidaySet, extraDates: [CivilDate] = []) {
        self.set = set
        self.extraDates = extraDates
    }

    /// No holiday at all.
    public static let none = PublicHolidays(set: .none)
    /// France's eleven public holidays.
    public static let france = PublicHolidays(set: .france)

    /// The set's holidays in `year`, in increasing order (extra dates not included; allocates).
    public func setDates(inYear year: Int) -> [CivilDate] {
        func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
        let easter = Self.easterSunday(year: year)
        switch set {
        case .none:
            return []
        case .france, .franceAlsaceMoselle:
            var dates = [date(1, 1), easter.adding(days: 1), date(5, 1), date(5, 8), easter.adding(days: 39),
                         easter.adding(days: 50), date(7, 14), date(8, 15), date(11, 1), date(11, 11), date(12, 25)]
            if set == .franceAlsaceMoselle { dates += [easter.adding(days: -2), date(12, 26)] }
            // Ascension can fall on 1 or 8 May (2008: 1 May), so duplicates are possible: keep one.
            return Array(Swift.Set(dates)).sorted()
        }
    }

    /// Easter Sunday of `year` in the Gregorian calendar.
    ///
    /// The anonymous Gregorian computus published by Meeus ("Astronomical Algorithms", 1991,
    /// ch. 8), after Jones (1876) and Butcher (1876): the golden number `a` places the year in
    /// the 19-year Metonic cycle, `h` is the epact-like age of the Paschal full moon (with the
    /// century corrections `d`, `g` for the Gregorian leap rule and the lunar drift), and `l`
    /// the days from the full moon to the next Sunday. Valid for every Gregorian year.
    /// Written here from the description; checked in the tests against 2024, 2025, 2027.
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }
}
