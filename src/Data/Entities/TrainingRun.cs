namespace TumorWeb.Data.Entities;

/// <summary>
/// One model training on the patches of an extraction run: the preset, every hyperparameter (as
/// JSON, so adding one needs no migration), where its checkpoints go, and how far it got.
/// </summary>
public class TrainingRun
{
    public int Id { get; set; }
    public int ExtractionRunId { get; set; }
    public ExtractionRun? ExtractionRun { get; set; }

    /// <summary>The model preset's command-line name, e.g. "tiny" or "inception-v3".</summary>
    public string Preset { get; set; } = "";

    /// <summary>The resolved training options as JSON (epochs, batch size, learning rate, seed, ...).</summary>
    public string Hyperparameters { get; set; } = "{}";

    public RunStatus Status { get; set; } = RunStatus.Queued;

    /// <summary>Folder of the run's checkpoints and its training.json.</summary>
    public string OutputDirectory { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Error { get; set; }

    public List<TrainingMetric> Metrics { get; set; } = [];
}
