import Foundation
import Testing
import Experiments

@Suite("Output formats")
struct OutputFormatTests {
    @Test("SHA-256 of the FIPS 180-4 examples")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("numbers: integers without a decimal part, shortest round trip, empty for undefined")
    func numbers() {
        #expect(CSVFormat.number(42) == "42")
        #expect(CSVFormat.number(-3) == "-3")
        #expect(CSVFormat.number(0.1) == "0.1")
        #expect(Double(CSVFormat.number(1.0 / 3)) == 1.0 / 3)
        #expect(CSVFormat.number(.nan) == "")
        #expect(CSVFormat.number(.infinity) == "")
        #expect(CSVFormat.number(1e-7) == "1e-07")
    }

    @Test("text fields are quoted per RFC 4180 when needed")
    func text() {
        #expect(CSVFormat.text("plain") == "plain")
        #expect(CSVFormat.text("a,b") == "\"a,b\"")
        #expect(CSVFormat.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test("atomic writes replace the file whole and leave no temporary behind")
    func atomicWrite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-atomic-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.createDirectory(directory + "/nested")
        try AtomicFile.write("one\n", to: directory + "/nested/f.csv")
        try AtomicFile.write("two\n", to: directory + "/nested/f.csv")
        #expect(try String(contentsOfFile: directory + "/nested/f.csv", encoding: .utf8) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/nested") == ["f.csv"])
    }

    @Test("an output path that is a file, or an unwritable place, is reported, not crashed on")
    func failures() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bigclient-fail-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFile.createDirectory(directory)
        try AtomicFile.write("x", to: directory + "/file")
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.createDirectory(directory + "/file") }
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: directory + "/missing/dir/f.csv") }
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: "/proc/bigclient-cannot-write-here") }
    }
}
