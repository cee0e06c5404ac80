/// Process exit statuses, from BSD's sysexits.h, as docs/troubleshooting.md lists them.
enum ExitCode: Int32 {
    case success = 0
    /// A failed check (e.g. `validate` found a case outside its interval).
    case failure = 1
    /// The command line was wrong: unknown command or option, missing or malformed value.
    case usage = 64
    /// The scenario file is malformed or invalid.
    case dataError = 65
    /// An input file does not exist or cannot be read.
    case noInput = 66
    /// An output file or directory cannot be created.
    case cannotCreate = 73
    /// Writing output failed part-way (disk full, I/O error).
    case ioError = 74
    /// Stopped by SIGINT or SIGTERM.
    case interrupted = 130
}
