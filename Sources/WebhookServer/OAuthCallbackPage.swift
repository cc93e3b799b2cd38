/// The small HTML page shown in the browser after the Withings login redirects back.
enum OAuthCallbackPage {
    /// A complete HTML document with a title and one message, escaped.
    static func render(title: String, message: String) -> String {
        """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>withings2mqtt: \(escape(title))</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
        <h1>\(escape(title))</h1>
        <p>\(escape(message))</p>
        </body></html>

        """
    }

    /// Escapes text for HTML element content and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
