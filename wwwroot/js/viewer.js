// The slide viewer: OpenSeadragon over the DZI tile endpoint, with grid-resolution PNG overlays.
// Created from Blazor (SlideViewer.razor); create() returns an object .NET holds as an IJSObjectReference.
window.tumorweb = window.tumorweb || {};
window.tumorweb.viewer = (function () {
    // Overlays have one pixel per grid cell; the browser would blur them when stretched, so they are
    // blown up with nearest-neighbour first (to about this many pixels across) and cells stay square.
    const overlayTargetPixels = 1024;

    function sharpCopy(url) {
        return new Promise((resolve, reject) => {
            const image = new Image();
            image.onload = () => {
                const zoom = Math.max(1, Math.floor(overlayTargetPixels / Math.max(image.naturalWidth, image.naturalHeight)));
                const canvas = document.createElement('canvas');
                canvas.width = image.naturalWidth * zoom;
                canvas.height = image.naturalHeight * zoom;
                const context = canvas.getContext('2d');
                context.imageSmoothingEnabled = false;
                context.drawImage(image, 0, 0, canvas.width, canvas.height);
                canvas.toBlob(blob => resolve({ url: URL.createObjectURL(blob), cells: image.naturalWidth }), 'image/png');
            };
            image.onerror = () => reject(new Error('cannot load ' + url));
            image.src = url;
        });
    }

    function create(element, options) {
        const viewer = OpenSeadragon({
            element: element,
            prefixUrl: 'lib/openseadragon/images/',
            tileSources: options.dziUrl,
            minLevel: options.minLevel,
            showNavigator: true,
            navigatorPosition: 'BOTTOM_RIGHT',
            crossOriginPolicy: false,
        });
        // Reachable from the page for end-to-end tests: element.tumorwebViewer.world.getItemCount().
        element.tumorwebViewer = viewer;
        const overlays = {};
        let opacity = options.opacity;
        let destroyed = false;

        const apply = overlay => {
            if (overlay.tiledImage) overlay.tiledImage.setOpacity(overlay.visible ? opacity : 0);
        };

        const add = async spec => {
            const overlay = overlays[spec.name] = { visible: spec.visible, tiledImage: null, blobUrl: null };
            try {
                const copy = await sharpCopy(spec.url);
                if (destroyed) { URL.revokeObjectURL(copy.url); return; }
                overlay.blobUrl = copy.url;
                viewer.addTiledImage({
                    tileSource: { type: 'image', url: copy.url, buildPyramid: false },
                    x: 0,
                    y: 0,
                    // The grid covers whole cells, so it reaches a little past the slide's right edge.
                    width: copy.cells * spec.cellSize / options.slideWidth,
                    opacity: 0,
                    success: event => { overlay.tiledImage = event.item; apply(overlay); },
                    error: event => console.warn('tumorweb viewer: overlay ' + spec.name + ': ' + event.message),
                });
            } catch (error) {
                console.warn('tumorweb viewer: overlay ' + spec.name + ': ' + error.message);
            }
        };

        viewer.addOnceHandler('open', () => options.overlays.forEach(add));

        return {
            setVisible(name, visible) {
                const overlay = overlays[name];
                if (!overlay) return;
                overlay.visible = visible;
                apply(overlay);
            },
            // The level-0 rectangle in view, clipped to the slide: the training form's stain reference.
            viewRegion() {
                const item = viewer.world.getItemAt(0);
                const size = item.getContentSize();
                const rect = item.viewportToImageRectangle(viewer.viewport.getBounds(true));
                const x = Math.max(0, Math.floor(rect.x)), y = Math.max(0, Math.floor(rect.y));
                const right = Math.min(size.x, Math.ceil(rect.x + rect.width)), bottom = Math.min(size.y, Math.ceil(rect.y + rect.height));
                return { x: x, y: y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
            },
            setOpacity(value) {
                opacity = value;
                Object.values(overlays).forEach(apply);
            },
            destroy() {
                destroyed = true;
                Object.values(overlays).forEach(o => o.blobUrl && URL.revokeObjectURL(o.blobUrl));
                viewer.destroy();
            },
        };
    }

    return { create: create };
})();
