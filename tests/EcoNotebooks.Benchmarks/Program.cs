using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/EcoNotebooks.Benchmarks -- --filter '*Kriging*'   (or --list flat)
BenchmarkSwitcher.FromAssembly(typeof(EcoNotebooks.Benchmarks.BenchmarkInputs).Assembly).Run(args);
