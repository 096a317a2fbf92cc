namespace TumorWeb.Data.Entities;

public enum TrainingPhase
{
    Train,
    Validation,
}
