// The slide viewer: OpenSeadragon over the DZI tile endpoint, with grid-resolution overlays and a scale bar.
// Created from Blazor (SlideViewer.razor) or from a share page (share-viewer.js); create() returns an
// object .NET holds as an IJSObjectReference.
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

    function warn(name, error) {
        console.warn('tumorweb viewer: overlay ' + name + ': ' + (error.message || error));
    }

    // ---- Filled overlays (tissue, prediction): a grid PNG as a simple-image tiled image. ----

    // Loads spec.url into the overlay, replacing the image it shows once the new one is in place;
    // a newer load started meanwhile wins over an older one that finishes later.
    async function loadImageOverlay(viewer, overlay, spec, options, apply) {
        const load = overlay.loads = (overlay.loads || 0) + 1;
        let copy;
        try {
            copy = await sharpCopy(spec.url);
        } catch (error) {
            warn(spec.name, error);
            return;
        }
        if (overlay.destroyed || load !== overlay.loads) { URL.revokeObjectURL(copy.url); return; }
        viewer.addTiledImage({
            tileSource: { type: 'image', url: copy.url, buildPyramid: false },
            x: 0,
            y: 0,
            // The grid covers whole cells, so it reaches a little past the slide's right edge.
            width: copy.cells * spec.cellSize / options.slideWidth,
            opacity: 0,
            success: event => {
                if (overlay.destroyed || load !== overlay.loads) {
                    viewer.world.removeItem(event.item);
                    URL.revokeObjectURL(copy.url);
                    return;
                }
                const old = { tiledImage: overlay.tiledImage, blobUrl: overlay.blobUrl };
                overlay.tiledImage = event.item;
                overlay.blobUrl = copy.url;
                apply(overlay);
                if (old.tiledImage) viewer.world.removeItem(old.tiledImage);
                if (old.blobUrl) URL.revokeObjectURL(old.blobUrl);
            },
            error: event => warn(spec.name, event.message),
        });
    }

    // ---- Ground-truth outline: the contours as SVG lines laid over the slide. ----
    // vector-effect keeps the lines the same width on screen at every zoom; a light line under a
    // dark one reads on the slide and on either colour map.

    function outlineSvg(outline) {
        const ns = 'http://www.w3.org/2000/svg';
        const svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('viewBox', '0 0 ' + outline.gridWidth + ' ' + outline.gridHeight);
        svg.setAttribute('preserveAspectRatio', 'none');
        svg.setAttribute('data-testid', 'ground-truth-outline');
        svg.style.pointerEvents = 'none';
        svg.style.overflow = 'visible';
        const d = outline.segments.map(s => 'M' + s[0] + ' ' + s[1] + 'L' + s[2] + ' ' + s[3]).join('');
        [['#ffffff', 4], ['#111111', 2]].forEach(([colour, width]) => {
            const path = document.createElementNS(ns, 'path');
            path.setAttribute('d', d);
            path.setAttribute('fill', 'none');
            path.setAttribute('stroke', colour);
            path.setAttribute('stroke-width', width);
            path.setAttribute('stroke-linecap', 'square');
            path.setAttribute('vector-effect', 'non-scaling-stroke');
            svg.appendChild(path);
        });
        return svg;
    }

    async function loadOutlineOverlay(viewer, overlay, spec, options, apply) {
        let outline;
        try {
            const response = await fetch(spec.url, { credentials: 'same-origin' });
            if (!response.ok) throw new Error(response.status + ' from ' + spec.url);
            outline = await response.json();
        } catch (error) {
            warn(spec.name, error);
            return;
        }
        if (overlay.destroyed) return;
        const svg = outlineSvg(outline);
        const scale = outline.cellSize / options.slideWidth;
        viewer.addOverlay({ element: svg, location: new OpenSeadragon.Rect(0, 0, outline.gridWidth * scale, outline.gridHeight * scale) });
        // OpenSeadragon wraps the overlay in a div the size of the slide; clicks must pass through it
        // to the drawing tools below, as they pass through the outline itself.
        if (svg.parentNode) svg.parentNode.style.pointerEvents = 'none';
        overlay.element = svg;
        apply(overlay);
    }

    // ---- Scale bar: a round length in µm when the slide states its microns per pixel, else in pixels. ----

    // The longest 1, 2 or 5 x 10^k units that fits in maxPixels screen pixels at unitsPerPixel.
    function chooseScaleBar(unitsPerPixel, maxPixels, unit) {
        const longest = unitsPerPixel * maxPixels;
        let power = Math.pow(10, Math.floor(Math.log10(longest)));
        if (power * 10 <= longest) power *= 10;
        if (power > longest) power /= 10;
        const step = [5, 2, 1].find(s => s * power <= longest) || 1;
        const length = Number((step * power).toPrecision(1));
        return { length: length, pixels: length / unitsPerPixel, label: scaleLabel(length, unit) };
    }

    function scaleLabel(length, unit) {
        if (unit === 'µm' && length >= 1000) return (length / 1000) + ' mm';
        return length.toLocaleString('en-US') + ' ' + unit;
    }

    const scaleBarMaxPixels = 150;

    function addScaleBar(viewer, options) {
        const bar = document.createElement('div');
        bar.className = 'tw-scale-bar';
        bar.setAttribute('data-testid', 'scale-bar');
        const line = document.createElement('div');
        line.className = 'tw-scale-bar-line';
        const text = document.createElement('span');
        bar.append(line, text);
        // Not faded with the zoom buttons: the scale matters most while looking, not while pointing.
        viewer.addControl(bar, { anchor: OpenSeadragon.ControlAnchor.BOTTOM_LEFT, autoFade: false });
        const unit = options.mpp ? 'µm' : 'px';
        const update = () => {
            // Screen pixels per slide pixel: one viewport unit is the slide's width.
            const screenPerSlide = viewer.viewport.deltaPixelsFromPointsNoRotate(new OpenSeadragon.Point(1, 0), true).x / options.slideWidth;
            if (!(screenPerSlide > 0)) return;
            const choice = chooseScaleBar((options.mpp || 1) / screenPerSlide, scaleBarMaxPixels, unit);
            line.style.width = Math.round(choice.pixels) + 'px';
            text.textContent = choice.label;
            bar.dataset.length = choice.length;
            bar.dataset.unit = unit;
        };
        viewer.addHandler('open', update);
        viewer.addHandler('animation', update);
        viewer.addHandler('resize', update);
    }

    // ---- The viewer. ----

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
        const specs = {};
        let opacity = options.opacity;

        // Filled overlays take the page's opacity; the outline is drawn in full or not at all.
        const apply = overlay => {
            if (overlay.tiledImage) overlay.tiledImage.setOpacity(overlay.visible ? opacity : 0);
            if (overlay.element) overlay.element.style.display = overlay.visible ? '' : 'none';
        };

        const add = spec => {
            specs[spec.name] = spec;
            const overlay = overlays[spec.name] = { visible: spec.visible };
            const load = spec.kind === 'outline' ? loadOutlineOverlay : loadImageOverlay;
            load(viewer, overlay, spec, options, apply);
        };

        viewer.addOnceHandler('open', () => options.overlays.forEach(add));
        addScaleBar(viewer, options);

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
            // A new image for a filled overlay (the prediction in another colour map or threshold).
            setOverlayUrl(name, url) {
                const overlay = overlays[name];
                if (!overlay) {
                    // Not added yet (the slide is still opening): it will be added with the new image.
                    options.overlays.filter(o => o.name === name).forEach(o => { o.url = url; });
                    return;
                }
                specs[name] = Object.assign({}, specs[name], { url: url });
                loadImageOverlay(viewer, overlay, specs[name], options, apply);
            },
            destroy() {
                Object.values(overlays).forEach(o => {
                    o.destroyed = true;
                    if (o.blobUrl) URL.revokeObjectURL(o.blobUrl);
                });
                viewer.destroy();
            },
        };
    }

    return { create: create, chooseScaleBar: chooseScaleBar };
})();
