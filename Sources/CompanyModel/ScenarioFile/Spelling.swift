/// "Did you mean" for scenario fields, enumeration values and names.
///
/// One rule for the whole program: the scenario reader, sweep paths and the command line's
/// unknown options all suggest with it.
public enum Spelling {
    /// Optimal-string-alignment distance: Levenshtein plus transposition of adjacent characters,
    /// each edit costing 1 (swapped letters are the commonest typo). Case-sensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows: the transposition looks two rows back.
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate `word` was most likely meant to be, if any is close enough to be a typo:
    /// a case-insensitive match; else the nearest within a third of the word's length in edits
    /// (at least 1, ties to the first in sorted order); else a candidate that begins with the
    /// word (`horizon` → `horizonDays`) or that the word begins with (`sdev` → `sd`).
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let sorted = candidates.sorted()
        // No field name is longer than 40 characters: a much longer word is no typo of one,
        // and comparing a megabyte-long key would take seconds (quadratic distance).
        guard !word.isEmpty, !sorted.isEmpty, word.unicodeScalars.count <= 100 else { return nil }
        if let folded = sorted.first(where: { $0.lowercased() == word.lowercased() }) { return folded }
        let lowerWord = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in sorted {
            let d = distance(lowerWord, candidate.lowercased())
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        if let best, best.distance <= max(1, word.count / 3) { return best.candidate }
        if word.count >= 3, let longer = sorted.first(where: { $0.lowercased().hasPrefix(lowerWord) }) {
            return longer
        }
        if let shorter = sorted.filter({ $0.count >= 2 && lowerWord.hasPrefix($0.lowercased()) })
            .max(by: { $0.count < $1.count }) {
            return shorter
        }
        return nil
    }
}
