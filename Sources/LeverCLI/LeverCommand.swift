import ArgumentParser

/// The `lever` command line. (stub)
public struct LeverCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "lever", abstract: "Risk policy language for crypto margin and lending.")
    public init() {}
}
