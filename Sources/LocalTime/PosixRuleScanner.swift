/// Reads the pieces of a POSIX TZ string left to right; every method returns nil on malformed input.
struct PosixRuleScanner {
    private let bytes: [UInt8]
    private var index = 0

    /// Creates a scanner at the start of `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Whether all input has been read.
    var isAtEnd: Bool { index == bytes.count }

    /// Whether `character` comes next.
    func peek(_ character: UInt8) -> Bool {
        index < bytes.count && bytes[index] == character
    }

    /// Consumes `character` if it comes next.
    mutating func take(_ character: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == character else { return false }
        index += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or `<...>` holding three or more of `A-Za-z0-9+-`.
    mutating func abbreviation() -> String? {
        let start: Int
        let end: Int
        if take(UInt8(ascii: "<")) {
            start = index
            while index < bytes.count, Self.isQuotable(bytes[index]) { index += 1 }
            end = index
            guard take(UInt8(ascii: ">")) else { return nil }
        } else {
            start = index
            while index < bytes.count, Self.isLetter(bytes[index]) { index += 1 }
            end = index
        }
        guard end - start >= 3 else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `[+-]hh[:mm[:ss]]` as signed seconds, hours at most `maximumHours`.
    mutating func signedDuration(maximumHours: Int) -> Int? {
        var sign = 1
        if take(UInt8(ascii: "-")) { sign = -1 } else { _ = take(UInt8(ascii: "+")) }
        guard let hours = number(maximumDigits: 3), hours <= maximumHours else { return nil }
        var seconds = hours * 3600
        if take(UInt8(ascii: ":")) {
            guard let minutes = number(maximumDigits: 2), minutes < 60 else { return nil }
            seconds += minutes * 60
            if take(UInt8(ascii: ":")) {
                guard let extra = number(maximumDigits: 2), extra < 60 else { return nil }
                seconds += extra
            }
        }
        return sign * seconds
    }

    /// A transition `date[/time]`, the time defaulting to 02:00.
    mutating func transition() -> PosixTransition? {
        let date: PosixTransitionDate
        if take(UInt8(ascii: "J")) {
            guard let day = number(maximumDigits: 3), (1...365).contains(day) else { return nil }
            date = .julianNoLeap(day)
        } else if take(UInt8(ascii: "M")) {
            guard let month = number(maximumDigits: 2), (1...12).contains(month), take(UInt8(ascii: ".")),
                let week = number(maximumDigits: 1), (1...5).contains(week), take(UInt8(ascii: ".")),
                let weekday = number(maximumDigits: 1), weekday <= 6
            else { return nil }
            date = .monthWeekDay(month: month, week: week, weekday: weekday)
        } else {
            guard let day = number(maximumDigits: 3), day <= 365 else { return nil }
            date = .zeroBased(day)
        }
        guard take(UInt8(ascii: "/")) else { return PosixTransition(date: date) }
        guard let time = signedDuration(maximumHours: 167) else { return nil }
        return PosixTransition(date: date, time: time)
    }

    private mutating func number(maximumDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while index < bytes.count, digits < maximumDigits, (48...57).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    private static func isQuotable(_ byte: UInt8) -> Bool {
        isLetter(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
