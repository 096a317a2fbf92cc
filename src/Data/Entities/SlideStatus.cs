namespace TumorWeb.Data.Entities;

public enum SlideStatus
{
    Pending,
    Completed,
    Failed,
}
