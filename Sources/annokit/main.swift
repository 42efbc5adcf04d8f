import AnnoCLI

AnnoCLI.CLI.exit(with: AnnoCLI.CLI.main(arguments: Array(CommandLine.arguments.dropFirst())))
