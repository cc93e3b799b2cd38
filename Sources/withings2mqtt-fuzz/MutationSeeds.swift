/// Seed inputs and the mutations the driver applies to them.
enum MutationSeeds {
    /// Valid and near-valid webhook bodies and Withings answers.
    static let builtIn: [[UInt8]] = [
        "userid=10000001&appli=50&date=1700000000&deviceid=abc",
        "userid=10000001&appli=1&startdate=1700000000&enddate=1700003600",
        "userid=%FF%FE&appli=%%&&==&startdate=-1",
        #"{"status":0,"body":{"updatetime":1700000000,"timezone":"Europe/Paris","more":0,"offset":0,"#
            + #""measuregrps":[{"grpid":1,"attrib":0,"date":1700000000,"created":1700000000,"modified":1700000000,"#
            + #""category":1,"deviceid":"x","measures":[{"value":7235,"type":1,"unit":-2,"algo":0,"fm":1}]}]}}"#,
        #"{"status":0,"body":{"series":[{"id":1,"startdate":1,"enddate":2,"date":"2024-01-01","modified":3,"#
            + #""data":{"deepsleepduration":100,"sleep_score":80}}],"more":false,"offset":0}}"#,
        #"{"status":0,"body":{"activities":[{"date":"2024-01-01","steps":1000,"modified":5}],"more":true,"offset":1}}"#,
        #"{"status":0,"body":{"goals":{"steps":10000,"sleep":28800,"weight":{"value":70000,"unit":-3}}}}"#,
        #"{"status":0,"body":{"devices":[{"type":"Scale","model":"Body Cardio","model_id":6,"deviceid":"d"}]}}"#,
        #"{"status":0,"body":{"userid":"1","access_token":"a","refresh_token":"r","expires_in":10800,"scope":"s"}}"#,
        #"{"status":601,"body":{},"error":"Too Many Requests"}"#,
        #"{"status":0,"body":{"profiles":[{"appli":50,"callbackurl":"http://x","comment":"c","expires":2147483647}]}}"#,
    ].map { Array($0.utf8) }

    /// One to four random edits of `input`.
    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let interesting: [UInt8] = [0x00, 0x22, 0x25, 0x26, 0x2C, 0x3A, 0x3D, 0x5B, 0x5D, 0x7B, 0x7D, 0x80, 0xC3, 0xFF]
        for _ in 0...(random.next() % 4) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            switch random.next() % 7 {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << (random.next() % 8))
            case 1: bytes.insert(interesting[Int(random.next() % UInt64(interesting.count))], at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3: bytes = Array(bytes.prefix(position))
            case 4:
                let other = builtIn[Int(random.next() % UInt64(builtIn.count))]
                let cut = other.isEmpty ? 0 : Int(random.next() % UInt64(other.count))
                bytes = Array(bytes.prefix(position)) + other.suffix(from: cut)
            case 5:
                let digits = Array(String(Int64(bitPattern: random.next())).utf8)
                bytes.insert(contentsOf: digits, at: position)
            default:
                let count = Int(random.next() % 64)
                bytes.insert(
                    contentsOf: repeatElement(bytes.isEmpty ? 0x41 : bytes[position], count: count), at: position)
            }
        }
        return bytes
    }
}
