import ArgumentParser
import Foundation
import WithingsEmulator

/// `withings-emulator`: serves a local Withings cloud until SIGINT/SIGTERM.
@main
struct WithingsEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withings-emulator",
        abstract: "A local stand-in for the Withings cloud (OAuth, data, notify, control endpoints).",
        discussion: "See docs/EMULATOR.md for the endpoints and the /_emulator/ control API.")

    @Option(help: "Address to listen on; port 0 picks a free port and prints it.")
    var listen: String = "127.0.0.1:8089"

    @Option(name: .customLong("client-id"), help: "Require this client_id (any is accepted when omitted).")
    var clientID: String?

    @Option(name: .customLong("client-secret"), help: "Require this client_secret (any is accepted when omitted).")
    var clientSecret: String?

    @Option(help: "A folder of Withings body fragments for one user (repeatable).")
    var data: [String] = []

    @Option(help: "Generate histories: users=N,years=Y.")
    var generate: String?

    @Option(help: "Seed for generated and demo data.")
    var seed: UInt64 = 1

    @Option(name: .customLong("page-size"), help: "Items per page for getmeas, getactivity, getworkouts, getsummary.")
    var pageSize: Int = 200

    @Option(name: .customLong("access-token-lifetime"), help: "Access token lifetime in seconds (expires_in).")
    var accessTokenLifetime: Int64 = 10_800

    @Option(name: .customLong("refresh-grace"), help: "Seconds a replaced refresh token is still honoured.")
    var refreshGrace: Double = 8 * 3600

    func validate() throws {
        guard ListenAddress(listen) != nil else {
            throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8089 (port 0 picks a free one)")
        }
        guard pageSize > 0 else { throw ValidationError("--page-size must be a positive number") }
        guard accessTokenLifetime > 0 else { throw ValidationError("--access-token-lifetime must be positive") }
        guard refreshGrace >= 0 else { throw ValidationError("--refresh-grace must not be negative") }
        if clientSecret != nil, clientID == nil {
            throw ValidationError("--client-secret needs --client-id as well")
        }
    }

    func run() async throws {
        let address = ListenAddress(listen)!
        let users: [EmulatorUser]
        do {
            users = try loadUsers()
        } catch let error as EmulatorDataError {
            throw ValidationError(error.description)
        }
        let settings = EmulatorSettings(
            clientID: clientID, clientSecret: clientSecret, pageSize: pageSize,
            accessTokenLifetime: accessTokenLifetime, refreshGrace: refreshGrace)
        let emulator = Emulator(users: users, settings: settings)
        let server = try await EmulatorServer.start(emulator: emulator, host: address.host, port: address.port)
        let names = users.map { "\($0.name) (\($0.userID))" }.joined(separator: ", ")
        // Unbuffered writes: launchers read this line through a pipe and must see it at once.
        FileHandle.standardOutput.write(Data("withings-emulator listening on \(server.baseURL)\n".utf8))
        FileHandle.standardError.write(Data("withings-emulator: serving \(users.count) user(s): \(names)\n".utf8))
        let signal = await ShutdownSignal.wait()
        FileHandle.standardError.write(Data("withings-emulator: signal \(signal), stopping\n".utf8))
        await server.stop()
    }

    private func loadUsers() throws -> [EmulatorUser] {
        var users: [EmulatorUser] = []
        for (index, path) in data.enumerated() {
            let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            users.append(try EmulatorDataLoader.loadUser(directory: url, userID: 10_000_001 + Int64(index)))
        }
        let now = Int64(Date().timeIntervalSince1970)
        if let generate {
            let started = Date()
            let spec = try GeneratorSpec.parse(generate)
            users += HistoryGenerator(seed: seed, now: now).makeUsers(
                spec, firstUserID: 10_000_001 + Int64(users.count))
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            FileHandle.standardError.write(
                Data(
                    "withings-emulator: generated \(spec.users) user(s) × \(spec.years) year(s) in \(seconds) s\n".utf8)
            )
        }
        return users.isEmpty ? DemoHousehold.users(now: now, seed: seed) : users
    }
}
