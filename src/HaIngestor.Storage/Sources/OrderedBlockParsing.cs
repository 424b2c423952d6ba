using System.Collections.Concurrent;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Parses the blocks of a file on several threads and hands them, parsed, to the calling thread in file order. The
/// workers take turns reading the next block (so blocks are numbered in file order), then parse it on their own; a
/// short bounded queue of blocks in file order keeps the memory in flight to a few blocks. With one worker the
/// calling thread reads, parses and consumes each block itself.
/// </summary>
internal static class OrderedBlockParsing
{
    /// <summary>Parsing threads for this machine: every core, as the consumer mostly waits for them.</summary>
    public static int DefaultWorkers => Math.Min(Environment.ProcessorCount, 8);

    public static void Run(JsonlBlockReader reader, IReadOnlyDictionary<string, string>? entityAreas, int workers, Action<JsonlBlock> consume, CancellationToken cancellationToken)
    {
        if (workers < 2)
        {
            var parser = new EventsJsonlLineParser(entityAreas);
            while (reader.Next(cancellationToken) is { } block)
            {
                block.Parse(parser);
                consume(block);
            }

            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var inOrder = new BlockingCollection<JsonlBlock>(boundedCapacity: (workers * 2) + 2);
        var turn = new object();
        var tasks = Enumerable.Range(0, workers)
            .Select(_ => Task.Factory.StartNew(
                () => Work(reader, turn, inOrder, new EventsJsonlLineParser(entityAreas), stop),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();

        try
        {
            foreach (var block in inOrder.GetConsumingEnumerable(stop.Token))
            {
                block.WaitParsed(stop.Token);
                consume(block);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A worker failed and stopped the others; its exception is rethrown below.
        }
        catch
        {
            stop.Cancel();
            WaitQuietly(tasks);
            throw;
        }

        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException failed) when (failed.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } cause)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }
    }

    private static void Work(JsonlBlockReader reader, object turn, BlockingCollection<JsonlBlock> inOrder, EventsJsonlLineParser parser, CancellationTokenSource stop)
    {
        try
        {
            while (true)
            {
                JsonlBlock? block;
                lock (turn)
                {
                    block = reader.Next(stop.Token);
                    if (block is null)
                    {
                        if (!inOrder.IsAddingCompleted)
                        {
                            inOrder.CompleteAdding();
                        }

                        return;
                    }

                    // Queued while still holding the turn, so the queue's order is the file's order.
                    inOrder.Add(block, stop.Token);
                }

                block.Parse(parser);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the consumer or by another worker's failure.
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    private static void WaitQuietly(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // The consumer's exception is the one reported.
        }
    }
}
