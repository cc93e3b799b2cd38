/// Generates hostile HTTP requests: random methods, paths, versions, headers and bodies (up to 1 MiB), with
/// invalid UTF-8 and lying lengths. None of them carries a valid webhook for a known Withings user.
struct HostileRequest {
    let secret: String

    /// One request's bytes.
    func make(using random: inout some RandomNumberGenerator) -> [UInt8] {
        let methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "CONNECT", "BREW", "post"]
        var method = Array(methods.randomElement(using: &random)!.utf8)
        if Int.random(in: 0..<20, using: &random) == 0 {
            method = garbage(Int.random(in: 1...20, using: &random), &random)
        }
        let paths = [
            "/webhook/\(secret)", "/webhook/\(secret)", "/webhook/wrong-secret", "/webhook/", "/webhook",
            "/oauth/callback?code=abc&state=def", "/oauth/callback", "/", "/webhook/\(secret)/../../etc/passwd",
            "/webhook/\(secret)?userid=10000001&appli=50", "*", "http://evil.example/webhook/\(secret)",
        ]
        var path = Array(paths.randomElement(using: &random)!.utf8)
        switch Int.random(in: 0..<10, using: &random) {
        case 0: path += garbage(Int.random(in: 1...64, using: &random), &random)
        case 1: path = Array("/".utf8) + Array(repeating: 0x61, count: Int.random(in: 1_000...20_000, using: &random))
        default: break
        }
        let versions = ["HTTP/1.1", "HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/9.9", "HTTX/1.1", ""]
        let version = Array(versions.randomElement(using: &random)!.utf8)
        let body = makeBody(&random)
        var lines: [[UInt8]] = [method + [0x20] + path + [0x20] + version]
        lines.append(Array("Host: 127.0.0.1".utf8))
        switch Int.random(in: 0..<8, using: &random) {
        case 0: break
        case 1: lines.append(Array("Content-Length: \(body.count + Int.random(in: 1...1000, using: &random))".utf8))
        case 2: lines.append(Array("Content-Length: -\(body.count)".utf8))
        case 3: lines.append(Array("Content-Length: 99999999999999999999".utf8))
        case 4: lines.append(Array("Transfer-Encoding: chunked".utf8))
        default: lines.append(Array("Content-Length: \(body.count)".utf8))
        }
        let contentTypes = [
            "application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data",
        ]
        lines.append(Array("Content-Type: \(contentTypes.randomElement(using: &random)!)".utf8))
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let name =
                Bool.random(using: &random)
                ? Array("X-Junk".utf8) : garbage(Int.random(in: 1...30, using: &random), &random)
            let value = garbage(
                Int.random(in: 0...(Bool.random(using: &random) ? 100 : 10_000), using: &random), &random)
            lines.append(name + Array(": ".utf8) + value)
        }
        if Int.random(in: 0..<10, using: &random) == 0 { lines.append(Array("Connection: keep-alive".utf8)) }
        var request: [UInt8] = []
        for line in lines { request += line + [0x0D, 0x0A] }
        request += [0x0D, 0x0A]
        return request + body
    }

    private func makeBody(_ random: inout some RandomNumberGenerator) -> [UInt8] {
        let roll = Int.random(in: 0..<100, using: &random)
        let size: Int
        switch roll {
        case 0: size = 1 << 20
        case 1...4: size = Int.random(in: 16_000...300_000, using: &random)
        case 5...40: size = 0
        default: size = Int.random(in: 1...2_000, using: &random)
        }
        if size > 0, size < 200, Bool.random(using: &random) {
            // A well-formed form for an unknown user, or a known user with a nonsense appli or bad encoding.
            let user = [
                Int.random(in: 1...9_999_999, using: &random), Int.random(in: 10_000_003...99_999_999, using: &random),
            ]
            .randomElement(using: &random)!
            let forms = [
                "userid=\(user)&appli=50&date=1700000000", "userid=\(user)&appli=1&startdate=1&enddate=2",
                "userid=10000001&appli=%FF%FE", "userid=%%%&appli=50", "userid=10000001", "appli=50",
                "userid=10000001&appli=abc", "userid=-10000001&appli=51", "userid=1e9&appli=50",
            ]
            return Array(forms.randomElement(using: &random)!.utf8)
        }
        if size > 4096 {
            return Array(repeating: UInt8.random(in: 0...255, using: &random), count: size)
        }
        return garbage(size, &random)
    }

    /// Random bytes biased towards separators, percent signs and invalid UTF-8 (no CR/LF, which would split lines).
    private func garbage(_ count: Int, _ random: inout some RandomNumberGenerator) -> [UInt8] {
        let special: [UInt8] = [0x25, 0x26, 0x3D, 0x00, 0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x3A, 0x20, 0x22]
        return (0..<count).map { _ in
            var byte =
                Bool.random(using: &random)
                ? special.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            if byte == 0x0D || byte == 0x0A { byte = 0x41 }
            return byte
        }
    }
}
