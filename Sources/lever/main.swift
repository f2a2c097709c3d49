import Foundation
import LeverCLI

exit(LeverCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard()))
