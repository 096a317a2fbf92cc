using System.Reflection;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Components.Pages.Admin;

/// <summary>The verbs the audit page can filter by: every constant of <see cref="AuditActions"/> but the "system" user name.</summary>
public static class AuditActionChoices
{
    public static readonly IReadOnlyList<string> All = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(AuditActions.System))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();
}
