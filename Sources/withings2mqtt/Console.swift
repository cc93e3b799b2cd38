import Glibc

/// Writes plain lines for people at a terminal.
enum Console {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes a line to standard output at once, unbuffered (the demo and tests read it through a pipe).
    static func out(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    // write(2) may take part of the bytes or be interrupted by a signal; a closed pipe just drops the rest.
    private static func write(_ line: String, to descriptor: Int32) {
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
