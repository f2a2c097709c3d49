import Foundation
import LeverBuildInfo
import LeverCLI
import LeverEngine

let console = Console.standard(engineVersion: EngineVersion.describe(revision: SourceRevision.short))
exit(LeverCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), console: console))
