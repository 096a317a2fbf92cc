// TumorWeb's browser-side helpers, called from Blazor through JS interop.
window.tumorweb = window.tumorweb || {};
