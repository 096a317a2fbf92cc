using MudBlazor;

namespace TumorWeb.Web.Components.Layout;

/// <summary>Haematoxylin purple and eosin pink, the colours a pathologist reads all day.</summary>
public static class TumorWebTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3f8c",
            Secondary = "#c2417a",
            AppbarBackground = "#3d2a5e",
        },
    };
}
