using System.CommandLine;

var root = new RootCommand("HaIngestor");
var days = new Option<int>("--days") { Description = "days", DefaultValueFactory = _ => 30 };
var cmd = new Command("simulate", "Simulate") { days };
cmd.SetAction(async (parseResult, ct) => { await Task.Yield(); Console.WriteLine(parseResult.GetValue(days)); return 0; });
root.Subcommands.Add(cmd);
return await root.Parse(args).InvokeAsync();
