import Foundation

/// The command line as UTF-8 strings, or the first argument that is not UTF-8.
///
/// Why: Swift's `CommandLine.arguments` decodes each argument lossily, so a file name holding a
/// byte such as 0xFF (legal in a Linux file name) becomes another name with U+FFFD in it, and
/// the tool would report an existing file as "not found". Foundation's file APIs take strings,
/// so such a name cannot be opened at all: it is refused up front, saying which argument and
/// which byte, instead of being silently changed.
enum RawArguments {
    struct NotUTF8: Error, Equatable {
        /// 1-based position after the program name.
        var position: Int
        /// The argument with each bad byte shown as \xHH.
        var shown: String
        var firstBadByte: UInt8

        var message: String {
            "argument \(position) ('\(shown)') is not UTF-8 text (byte 0x\(String(format: "%02X", firstBadByte))): "
                + "bigclient reads file names and options as UTF-8; rename the file to a UTF-8 name (e.g. with convmv) and try again"
        }
    }

    /// The arguments after the program name.
    static func utf8() throws(NotUTF8) -> [String] {
        var result: [String] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            result.append(try decode(bytes, position: index))
        }
        return result
    }

    /// `bytes` as a string, or the error naming the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], position: Int) throws(NotUTF8) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var shown = "", firstBad: UInt8?
        var i = 0
        // Scalar by scalar; a byte that starts no valid sequence is shown as \xHH.
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, i + length <= bytes.count, let scalar = String(validating: bytes[i ..< i + length], as: UTF8.self) {
                shown += lead < 0x20 || lead == 0x7F ? String(format: "\\x%02X", lead) : scalar   // no control characters
                i += length
            } else {
                firstBad = firstBad ?? lead
                shown += String(format: "\\x%02X", lead)
                i += 1
            }
        }
        throw NotUTF8(position: position, shown: String(shown.prefix(200)), firstBadByte: firstBad ?? 0)
    }
}
