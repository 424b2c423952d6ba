using System.Collections.Concurrent;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Produces items on the calling thread and consumes them on one other thread, in order, handed over in chunks
/// through a short bounded queue: parsing a file and folding its events then overlap on two cores, while the
/// memory in flight stays a few chunks. With one core it simply consumes each item as it comes.
/// </summary>
internal static class ReadAheadPipeline
{
    private const int ChunkSize = 4096;
    private const int ChunksInFlight = 4;

    public static void Run<T>(IEnumerable<T> source, Action<T> consume, CancellationToken cancellationToken)
    {
        if (Environment.ProcessorCount < 2)
        {
            foreach (var item in source)
            {
                consume(item);
            }

            return;
        }

        using var chunks = new BlockingCollection<(T[] Items, int Count)>(ChunksInFlight);
        var spare = new ConcurrentQueue<T[]>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consumer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var (items, count) in chunks.GetConsumingEnumerable(stop.Token))
                    {
                        for (var i = 0; i < count; i++)
                        {
                            consume(items[i]);
                        }

                        Array.Clear(items, 0, count);
                        spare.Enqueue(items);
                    }
                }
                catch
                {
                    // Whatever ends the consumer early must also release a producer waiting for room.
                    stop.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            var chunk = new T[ChunkSize];
            var count = 0;
            foreach (var item in source)
            {
                chunk[count++] = item;
                if (count == ChunkSize)
                {
                    chunks.Add((chunk, count), stop.Token);
                    chunk = spare.TryDequeue(out var reused) ? reused : new T[ChunkSize];
                    count = 0;
                }
            }

            if (count > 0)
            {
                chunks.Add((chunk, count), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The consumer failed and stopped the producer; its exception is rethrown below.
        }
        catch
        {
            stop.Cancel();
            WaitQuietly(consumer);
            throw;
        }
        finally
        {
            chunks.CompleteAdding();
        }

        consumer.GetAwaiter().GetResult();
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The producer's exception is the one reported.
        }
    }
}
