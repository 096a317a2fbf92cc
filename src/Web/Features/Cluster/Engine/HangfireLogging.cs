using Hangfire.Logging;
using AppLevel = Microsoft.Extensions.Logging.LogLevel;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Sends Hangfire's own log lines (its servers starting and stopping, storage errors, retries) to the
/// app's logging, under categories "Hangfire.*" (filter them with Logging:LogLevel:Hangfire).
/// Hangfire keeps its log provider, and the loggers it hands out, in process-wide statics, so the
/// provider here looks up the current node's logging at each line: in a process that hosts several
/// nodes (the tests) the node started last gets every node's Hangfire lines, and a stopped node's
/// disposed logging is never touched.
/// </summary>
public sealed class HangfireLogging(ILoggerFactory loggerFactory) : IHostedService
{
    private static ILoggerFactory? _current;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _current, loggerFactory);
        LogProvider.SetCurrentLogProvider(Provider.Instance);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.CompareExchange(ref _current, null, loggerFactory);
        return Task.CompletedTask;
    }

    private sealed class Provider : ILogProvider
    {
        public static readonly Provider Instance = new();

        public ILog GetLogger(string name) => new ForwardingLog(name);
    }

    private sealed class ForwardingLog(string category) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (Logger() is not { } logger) return false;
            var level = logLevel switch
            {
                HangfireLevel.Trace => AppLevel.Trace,
                HangfireLevel.Debug => AppLevel.Debug,
                HangfireLevel.Info => AppLevel.Information,
                HangfireLevel.Warn => AppLevel.Warning,
                HangfireLevel.Error => AppLevel.Error,
                _ => AppLevel.Critical,
            };
            // Hangfire first asks with no message whether the level is on.
            if (messageFunc is null) return logger.IsEnabled(level);
            logger.Log(level, exception, "{Message}", messageFunc());
            return true;
        }

        private ILogger? Logger()
        {
            try
            {
                return Volatile.Read(ref _current)?.CreateLogger(category);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }
}
