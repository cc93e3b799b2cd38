import ArgumentParser
import Bridge
import ConfigFile
import FoundationEssentials
import WithingsAPI

/// `withings2mqtt auth`: links an account to a Withings login and stores its tokens.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Links an account to a Withings login (OAuth2) and stores its tokens.",
        discussion: """
            Without --code or --redirect-url it prints the URL to open, then waits for the running daemon's \
            /oauth/callback to finish the login, or for the address you were redirected to (or its code) pasted \
            on standard input.
            """)

    @OptionGroup var options: ConfigOptions
    @Option(help: "The account name from the configuration.") var account: String
    @Option(help: "The authorization code from the redirect.") var code: String?
    @Option(name: .customLong("redirect-url"), help: "The full address Withings redirected the browser to.")
    var redirectURL: String?

    func run() async throws {
        let configuration = try options.load().configuration
        guard configuration.accounts.contains(where: { $0.name == account }) else {
            Console.error(
                "no account named \(account) in the configuration; accounts: \(configuration.accounts.map(\.name).joined(separator: ", "))"
            )
            throw ExitCode(2)
        }
        let directory = StateDirectory(path: configuration.stateDirectory)
        for warning in try directory.prepare() { Console.error("warning: \(warning)") }
        let authorizer = SharedParts(configuration: configuration, version: BuildInfo.version).authorizer(
            directory: directory)
        do {
            let token: OAuthToken
            if let given = try code ?? redirectURL.map(Self.code(fromRedirect:)) {
                token = try await authorizer.complete(account: account, code: given)
            } else {
                token = try await interactive(
                    authorizer: authorizer, configuration: configuration, directory: directory)
            }
            Console.out("Account \(account) is linked to Withings user \(token.userID).")
            Console.out("userid: \(token.userID)")
        } catch let refusal as Authorizer.Refusal {
            Console.error("refused: \(refusal)")
            throw ExitCode(1)
        } catch let error as WithingsError {
            Console.error("Withings refused the login: \(error.message(account: account))")
            throw ExitCode(1)
        }
    }

    private func interactive(
        authorizer: Authorizer, configuration: Configuration, directory: StateDirectory
    )
        async throws -> OAuthToken
    {
        let before = try? authorizer.boundUser(of: account)
        let storage = FileTokenStorage(directory: directory, account: account)
        let previous = try? storage.load()
        let url = try authorizer.start(account: account, authorizeBase: configuration.withings.authorizeURL)
        Console.out("Open this address in a browser, log in as the person for account '\(account)' and allow access:\n")
        Console.out("  \(url)\n")
        Console.out("Then paste the address the browser was sent to (or just its code) here and press Enter.")
        if configuration.webhook.enabled {
            Console.out("With the daemon running, its /oauth/callback finishes the login by itself.")
        }
        _ = before
        let account = self.account
        return try await withThrowingTaskGroup(of: OAuthToken?.self) { group in
            group.addTask {
                // Blocking read on a detached thread: standard input has no async API here.
                let line = await Task.detached { readLine(strippingNewline: true) }.value
                guard let line, !line.isEmpty else { return nil }
                let pasted = try Self.code(fromRedirect: line)
                return try await authorizer.complete(account: account, code: pasted)
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    if let current = try? storage.load(), current.refreshToken != previous?.refreshToken {
                        return current
                    }
                }
                return nil
            }
            while let result = try await group.next() {
                if let token = result {
                    group.cancelAll()
                    return token
                }
            }
            throw ValidationError("no code was given")
        }
    }

    /// The `code` of a redirect address, or the text itself when it is a bare code.
    static func code(fromRedirect text: String) throws -> String {
        // A URL or code has no spaces of its own; a terminal may wrap a long pasted URL over lines.
        let trimmed = text.filter { !$0.isWhitespace }
        guard trimmed.contains("?") || trimmed.contains("="),
            let components = URLComponents(string: trimmed.contains("?") ? trimmed : "x:?\(trimmed)")
        else { return trimmed }
        let items = components.queryItems ?? []
        if let error = items.first(where: { $0.name == "error" })?.value {
            throw ValidationError("Withings answered error=\(error): access was not granted")
        }
        guard let code = items.first(where: { $0.name == "code" })?.value, !code.isEmpty else {
            throw ValidationError("the address has no code parameter")
        }
        return code
    }
}
