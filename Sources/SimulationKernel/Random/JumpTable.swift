/// A 3×3 matrix over the integers modulo m (m < 2^32), for jumping MRG32k3a ahead.
struct ModularMatrix: Sendable, Equatable {
    var rows: [[Int64]]

    /// Product modulo `modulus`; each product of two residues fits in UInt64 (both < 2^32).
    func multiplied(by other: ModularMatrix, modulus: Int64) -> ModularMatrix {
        var result = [[Int64]](repeating: [0, 0, 0], count: 3)
        for i in 0..<3 {
            for j in 0..<3 {
                var sum: UInt64 = 0
                for k in 0..<3 {
                    sum = (sum + UInt64(rows[i][k]) * UInt64(other.rows[k][j]) % UInt64(modulus)) % UInt64(modulus)
                }
                result[i][j] = Int64(sum)
            }
        }
        return ModularMatrix(rows: result)
    }

    /// Matrix × vector modulo `modulus`, without building arrays (runs for every new stream).
    func apply(to v: (Int64, Int64, Int64), modulus: Int64) -> (Int64, Int64, Int64) {
        let m = UInt64(modulus)
        let x0 = UInt64(v.0), x1 = UInt64(v.1), x2 = UInt64(v.2)
        func row(_ r: [Int64]) -> Int64 {
            let a = UInt64(r[0]) * x0 % m, b = UInt64(r[1]) * x1 % m, c = UInt64(r[2]) * x2 % m
            return Int64((a + b + c) % m)
        }
        return (row(rows[0]), row(rows[1]), row(rows[2]))
    }
}

/// The one-step transition matrices of MRG32k3a's two components and their powers A^(2^k),
/// computed once by repeated squaring. With them, jumping 2^127 × n steps (a new stream) or
/// 2^76 × r steps (a new substream) costs one matrix–vector product per set bit.
struct JumpTable: Sendable {
    /// A1^(2^k) mod m1 for k = 0 ..< 191.
    let first: [ModularMatrix]
    /// A2^(2^k) mod m2 for k = 0 ..< 191.
    let second: [ModularMatrix]

    static let shared = JumpTable()

    static let firstStep = ModularMatrix(rows: [[0, 1, 0], [0, 0, 1], [MRG32k3a.m1 - MRG32k3a.a13n, MRG32k3a.a12, 0]])
    static let secondStep = ModularMatrix(rows: [[0, 1, 0], [0, 0, 1], [MRG32k3a.m2 - MRG32k3a.a23n, 0, MRG32k3a.a21]])

    private init() {
        func powers(of step: ModularMatrix, modulus: Int64) -> [ModularMatrix] {
            var table = [step]
            for _ in 1..<191 { table.append(table[table.count - 1].multiplied(by: table[table.count - 1], modulus: modulus)) }
            return table
        }
        first = powers(of: Self.firstStep, modulus: MRG32k3a.m1)
        second = powers(of: Self.secondStep, modulus: MRG32k3a.m2)
    }
}
