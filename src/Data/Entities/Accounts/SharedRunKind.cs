namespace TumorWeb.Data.Entities.Accounts;

public enum SharedRunKind
{
    Evaluation,
    Training,
}
