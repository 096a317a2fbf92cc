// Starts the read-only viewer of a share page (static, no Blazor circuit): the options are the
// element's data-share-viewer JSON, the overlay checkboxes show and hide overlays.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-share-viewer]').forEach(element => {
        const viewer = window.tumorweb.viewer.create(element, JSON.parse(element.dataset.shareViewer));
        document.querySelectorAll('[data-overlay-toggle]').forEach(box =>
            box.addEventListener('change', () => viewer.setVisible(box.dataset.overlayToggle, box.checked)));
    });
});
