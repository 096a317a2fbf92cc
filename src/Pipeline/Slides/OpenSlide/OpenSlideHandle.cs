using Microsoft.Win32.SafeHandles;

namespace TumorWeb.Pipeline.Slides.OpenSlide;

/// <summary>Owns an openslide_t*; closing it twice or leaking it is impossible.</summary>
internal sealed class OpenSlideHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        OpenSlideNative.Close(handle);
        return true;
    }
}
