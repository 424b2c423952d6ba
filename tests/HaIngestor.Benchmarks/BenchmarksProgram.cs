using BenchmarkDotNet.Running;

namespace HaIngestor.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/HaIngestor.Benchmarks -- --filter '*'</c>. A named entry point: the
/// referenced daemon already has a top-level <c>Program</c>.
/// </summary>
public static class BenchmarksProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
}
