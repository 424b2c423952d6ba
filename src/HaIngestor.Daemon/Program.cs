using System.CommandLine;
using HaIngestor.Daemon.Cli;

// `run` is the default verb: a bare `ha-ingestor` (or one with only daemon options) starts the daemon.
var effectiveArgs = args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version")) ? ["run", .. args] : args;

var root = new RootCommand("HaIngestor: learns how a Home Assistant home is used and suggests automations")
{
    RunCommand.Create(),
    DemoCommand.Create(),
    AnalyzeCommand.Create(),
    DevicesCommand.Create(),
    ImportCommand.Create(),
    EvaluateCommand.Create(),
    SimulateCommand.Create(),
    BenchCommand.Create(),
};

// The host handles SIGTERM/Ctrl+C itself (CoordinatedShutdown); System.CommandLine must not cut it short.
return await root.Parse(effectiveArgs).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
