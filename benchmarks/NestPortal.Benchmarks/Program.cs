using BenchmarkDotNet.Running;

namespace NestPortal.Benchmarks;

/// <summary><c>dotnet run -c Release --project benchmarks/NestPortal.Benchmarks -- --filter '*'</c></summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
