using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>One region of a save, checked: its id, tumour or exclusion, and its outer ring in level-0 pixels (not closed).</summary>
public sealed record DrawnRegion(string FeatureId, AnnotationKind Kind, IReadOnlyList<PointD> Points);
