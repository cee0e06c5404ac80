import CompanyModel

/// Edit distance for "did you mean": the program's one rule (optimal string alignment, see
/// CompanyModel's `Spelling`).
func editDistance(_ a: String, _ b: String) -> Int { Spelling.distance(a, b) }

/// The closest candidate to `word`, if it is close enough to be a plausible typo: at most a
/// third of the word's length in edits (at least 1), or a prefix of the candidate.
func closestMatch(to word: String, among candidates: [String]) -> String? {
    guard word.count <= 100 else { return nil }
    let scored = candidates.map { (candidate: $0, distance: editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    let limit = max(1, word.count / 3)
    if best.distance <= limit { return best.candidate }
    if word.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(word) }) { return prefixed }
    return nil
}
