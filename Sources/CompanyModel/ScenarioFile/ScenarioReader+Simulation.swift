import SimulationKernel

/// `simulation` and `calendar`.
extension ScenarioReader {
    /// Longest horizon accepted: 100 years.
    static let maximumHorizonDays: Double = 36_500

    static func readSimulation(_ root: inout ObjectReader) throws(ScenarioError) -> SimulationSettings {
        var settings = SimulationSettings()
        guard var reader = try root.object("simulation") else { return settings }
        settings.horizonDays = try reader.number("horizonDays", default: settings.horizonDays,
                                                 .above(0, cap: maximumHorizonDays))
        settings.warmupDays = try reader.number("warmupDays", default: settings.warmupDays,
                                                .atLeast(0, cap: maximumHorizonDays))
        settings.decisionDay = try reader.optionalNumber("decisionDay", default: settings.decisionDay,
                                                         .atLeast(0, cap: maximumHorizonDays))
        settings.replications = try reader.integer("replications", default: settings.replications,
                                                   .atLeast(1, cap: 1_000_000))
        let seed = try reader.integer("seed", default: Int(settings.seed),
                                      .atLeast(0, cap: Double(RandomStream.maxMasterSeed)))
        settings.seed = UInt64(seed)
        // [0.5, 0.9999]: beyond, 1 − (1 − c)/2 rounds to 1 and no t quantile exists.
        settings.confidence = try reader.number("confidence", default: settings.confidence, .interval(0.5, 0.9999))
        // A million unfinished orders is about 150 MB per running replication: the ceiling
        // that keeps a runaway replication's memory bounded.
        settings.maxBacklogOrders = try reader.integer("maxBacklogOrders", default: settings.maxBacklogOrders,
                                                       .atLeast(1, cap: 1_000_000))
        try reader.finish()
        return settings
    }

    /// Types are checked here; the values are validated by the kernel's `WorkingCalendar`, whose
    /// `CalendarError` becomes a `ScenarioError` at `calendar.<field>` (with the element's index
    /// for a bad weekday). Shift fields are validated in `continuous` mode too, where they are
    /// ignored, so that switching modes never reveals a latent error.
    static func readCalendar(_ root: inout ObjectReader) throws(ScenarioError) -> CalendarSettings {
        var settings = CalendarSettings()
        guard var reader = try root.object("calendar") else { return settings }
        settings.mode = try reader.enumeration("mode", default: settings.mode)
        if let start = reader.raw("startDate") {
            settings.startDate = try readDate(start, at: reader.path.key("startDate"), file: reader.file)
            let date = settings.startDate
            if date.weekday != 0 {
                let before = date.adding(days: -date.weekday), after = before.adding(days: 7)
                let nearest = date.weekday <= 3 ? before : after
                throw ScenarioError(kind: .outOfRange, file: reader.file, path: reader.path.key("startDate").description,
                                    value: "\(date), a \(date.weekdayName)",
                                    requirement: "be a Monday (the model's weeks run Monday to Sunday from day 0): "
                                        + "use \(nearest) (the Monday before is \(before), the one after \(after))")
            }
        }
        settings.workingWeekdays = try reader.integers("workingWeekdays", default: settings.workingWeekdays)
        settings.shiftStartHour = try reader.number("shiftStartHour", default: settings.shiftStartHour, .finite)
        settings.shiftLengthHours = try reader.number("shiftLengthHours", default: settings.shiftLengthHours, .finite)
        if let holidays = reader.raw("holidays") {
            settings.holidays = try readHolidays(holidays, at: reader.path.key("holidays"), file: reader.file)
        }
        try readArrivalProfile(&reader, into: &settings)
        try reader.finish()
        do throws(CalendarError) {
            _ = try WorkingCalendar(workingWeekdays: settings.workingWeekdays, shiftStartHour: settings.shiftStartHour,
                                    shiftLengthHours: settings.shiftLengthHours, startDate: settings.startDate,
                                    holidays: settings.holidays)
        } catch {
            var path = reader.path.key(error.field.rawValue)
            var value = Double(error.value).map(JSONValue.format) ?? error.value
            var requirement = error.requirement
            // Point at the offending element of a list, and say what one element must be.
            if error.field == .workingWeekdays, let bad = Int(error.value),
               let index = settings.workingWeekdays.firstIndex(of: bad) {
                path = path.index(index)
                value = String(bad)
                requirement = "be a weekday in 0...6 (0 = Monday … 6 = Sunday)"
            }
            if error.field == .shiftLengthHours && error.value.contains(" with start ") {
                value = "\(JSONValue.format(settings.shiftLengthHours)) with start \(JSONValue.format(settings.shiftStartHour))"
            }
            throw ScenarioError(kind: .outOfRange, file: reader.file, path: path.description, value: value,
                                requirement: requirement)
        }
        return settings
    }

    /// `arrivals`, `officeStartHour`, `officeEndHour`: office hours are a part of the day
    /// (start before end, within 0…24); `officeHours` arrivals make no sense in `continuous`
    /// mode, which has no office.
    static func readArrivalProfile(_ reader: inout ObjectReader, into settings: inout CalendarSettings) throws(ScenarioError) {
        let explicitArrivals = reader.has("arrivals")
        settings.arrivals = try reader.enumeration("arrivals", default: settings.arrivals)
        settings.officeStartHour = try reader.number("officeStartHour", default: settings.officeStartHour, .interval(0, 24))
        settings.officeEndHour = try reader.number("officeEndHour", default: settings.officeEndHour, .interval(0, 24))
        if settings.officeEndHour <= settings.officeStartHour {
            throw reader.error(.crossField, "officeEndHour",
                               "be later than officeStartHour (\(JSONValue.format(settings.officeStartHour))): office hours are a part of one day")
        }
        if explicitArrivals, settings.mode == .continuous, settings.arrivals == .officeHours {
            throw reader.error(.crossField, "arrivals",
                               "be \"anyTime\" in continuous mode (24/7, no office hours); use mode \"shifts\" for office-hour orders")
        }
    }

    /// An ISO date string, `"YYYY-MM-DD"`, that exists in the Gregorian calendar.
    static func readDate(_ value: JSONValue, at path: FieldPath, file: String) throws(ScenarioError) -> CivilDate {
        let values = ValueReader(file: file)
        let text = try values.string(value, at: path)
        guard let date = CivilDate(iso: text) else {
            throw values.error(.outOfRange, path, value, "be a date written YYYY-MM-DD that exists, such as \"2027-01-04\"")
        }
        return date
    }

    /// `calendar.holidays`: a set's name (`"france"`, `"france-alsace-moselle"`, `"none"`), or
    /// `{ set, extraDates }`. The old form, a list of day-of-year numbers, is refused with the
    /// way to write it now.
    static func readHolidays(_ value: JSONValue, at path: FieldPath, file: String) throws(ScenarioError) -> PublicHolidays {
        let values = ValueReader(file: file)
        switch value {
        case .string:
            return PublicHolidays(set: try values.enumeration(value, at: path, as: HolidaySet.self))
        case .array:
            throw values.error(.wrongType, path, value,
                               "be a holiday set's name (\"france\", \"france-alsace-moselle\", \"none\") or "
                               + "{ set: \"france\", extraDates: [\"2027-08-16\"] }: day-of-year numbers are no longer "
                               + "read, because holidays are now dates (Easter Monday, Ascension and Whit Monday move "
                               + "every year); write each closure day as a date in extraDates")
        default:
            var reader = try ObjectReader(value, at: path, file: file,
                                          expected: "a holiday set's name or { set: \"france\", extraDates: [\"2027-08-16\"] }")
            var holidays = PublicHolidays.france
            holidays.set = try reader.enumeration("set", default: holidays.set)
            if let dates = try reader.array("extraDates", of: "dates such as \"2027-08-16\"") {
                var result: [CivilDate] = []
                for date in dates { result.append(try readDate(date.value, at: date.path, file: file)) }
                holidays.extraDates = result
            }
            try reader.finish()
            return holidays
        }
    }
}
