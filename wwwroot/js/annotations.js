// Tumour and exclusion regions drawn on the slide viewer with Annotorious (click points), plus a
// freehand tool of our own; saved to /api/slides/{id}/annotations as GeoJSON in level-0 pixels.
// Created from Blazor (SlideAnnotationsPanel.razor) once the page has a viewer element.
window.tumorweb = window.tumorweb || {};
window.tumorweb.annotations = (function () {
    const Tumor = 'Tumor';
    const Exclusion = 'Exclusion';
    const colours = { [Tumor]: '#e53935', [Exclusion]: '#1e88e5' };
    // A freehand stroke keeps a point only when the pointer has moved this many screen pixels.
    const freehandStepPixels = 4;

    function waitForViewer(element) {
        return new Promise((resolve, reject) => {
            const started = Date.now();
            const poll = () => {
                const viewer = element && element.tumorwebViewer;
                if (viewer && viewer.world.getItemCount() > 0) resolve(viewer);
                else if (Date.now() - started > 60000) reject(new Error('the slide viewer did not open'));
                else setTimeout(poll, 100);
            };
            poll();
        });
    }

    function classOf(annotation) {
        const body = (annotation.bodies || []).find(b => b.purpose === 'classifying');
        return body && body.value === Exclusion ? Exclusion : Tumor;
    }

    function bounds(points) {
        const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
        return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
    }

    function annotation(id, name, points, properties) {
        return {
            id: id,
            bodies: [{ id: id + '-class', annotation: id, purpose: 'classifying', value: name }],
            target: { annotation: id, selector: { type: 'POLYGON', geometry: { points: points, bounds: bounds(points) } } },
            properties: properties || {},
        };
    }

    function fromFeature(feature) {
        const ring = feature.geometry.coordinates[0].slice(0, -1);
        const name = feature.properties && feature.properties.classification ? feature.properties.classification.name : Tumor;
        return annotation(String(feature.id), name, ring, { author: feature.properties.author, savedAt: feature.properties.savedAt });
    }

    // Level-0 pixels, clamped to the slide (a stroke may run past its edge) and rounded to 1/100 pixel.
    function toFeature(a, width, height) {
        const clamp = (v, max) => Math.round(Math.min(Math.max(v, 0), max) * 100) / 100;
        const ring = a.target.selector.geometry.points.map(p => [clamp(p[0], width), clamp(p[1], height)]);
        ring.push(ring[0]);
        return {
            type: 'Feature',
            id: a.id,
            geometry: { type: 'Polygon', coordinates: [ring] },
            properties: { objectType: 'annotation', classification: { name: classOf(a) } },
        };
    }

    function copy(list) {
        return JSON.parse(JSON.stringify(list));
    }

    // element: the viewer's element, or a selector for it.
    async function create(element, options, dotnet) {
        if (typeof element === 'string') element = document.querySelector(element);
        const viewer = await waitForViewer(element);
        const anno = AnnotoriousOSD.createOSDAnnotator(viewer, {
            drawingEnabled: false,
            drawingMode: 'click',
            userSelectAction: options.editable ? 'EDIT' : 'NONE',
            style: a => ({ fill: colours[classOf(a)], fillOpacity: 0.2, stroke: colours[classOf(a)], strokeWidth: 2 }),
        });
        // Reachable for end-to-end tests: element.tumorwebAnnotator.getAnnotations().
        element.tumorwebAnnotator = anno;
        let current = Tumor;
        let history = [];
        let state = [];
        let freehand = null;
        // True while this script changes the annotator itself, whose events would otherwise count twice.
        let quiet = false;
        const quietly = change => {
            quiet = true;
            try { change(); } finally { quiet = false; }
        };

        const notify = message => {
            if (dotnet) dotnet.invokeMethodAsync('OnRegionsChanged', anno.getAnnotations().length, history.length > 0, message || null)
                .catch(() => { });
        };
        // Every change (drawn, moved, deleted) stacks the state before it, so undo covers all tools alike.
        const changed = () => {
            history.push(state);
            state = copy(anno.getAnnotations());
            notify();
        };
        const restore = list => {
            quietly(() => anno.setAnnotations(copy(list), true));
            state = copy(list);
        };

        anno.on('createAnnotation', a => {
            if (quiet) return;
            quietly(() => anno.updateAnnotation(annotation(a.id, current, a.target.selector.geometry.points, {})));
            changed();
        });
        anno.on('updateAnnotation', () => { if (!quiet) changed(); });
        anno.on('deleteAnnotation', () => { if (!quiet) changed(); });

        const load = async () => {
            const response = await fetch(`api/slides/${options.slideId}/annotations`, { headers: { Accept: 'application/geo+json' } });
            if (!response.ok) throw new Error(`cannot load the annotations: ${response.status}`);
            const collection = await response.json();
            history = [];
            restore(collection.features.map(fromFeature));
            notify();
        };

        const stopFreehand = () => {
            if (!freehand) return;
            freehand.remove();
            freehand = null;
            viewer.setMouseNavEnabled(true);
        };

        const startFreehand = () => {
            const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
            svg.setAttribute('class', 'tw-freehand');
            const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
            svg.appendChild(line);
            viewer.element.appendChild(svg);
            viewer.setMouseNavEnabled(false);
            let screen = [];
            const local = event => {
                const rect = viewer.element.getBoundingClientRect();
                return [event.clientX - rect.left, event.clientY - rect.top];
            };
            const draw = () => {
                line.setAttribute('points', screen.map(p => p.join(',')).join(' '));
                line.setAttribute('stroke', colours[current]);
            };
            const down = event => {
                if (event.button !== 0) return;
                event.preventDefault();
                event.stopPropagation();
                screen = [local(event)];
                draw();
            };
            const move = event => {
                if (screen.length === 0) return;
                const p = local(event), last = screen[screen.length - 1];
                if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= freehandStepPixels) { screen.push(p); draw(); }
            };
            const up = () => {
                if (screen.length >= 3) {
                    const points = screen.map(p => {
                        const image = viewer.viewport.viewerElementToImageCoordinates(new OpenSeadragon.Point(p[0], p[1]));
                        return [image.x, image.y];
                    });
                    quietly(() => anno.addAnnotation(annotation(crypto.randomUUID(), current, points, {})));
                    changed();
                }
                screen = [];
                draw();
            };
            viewer.element.addEventListener('pointerdown', down, true);
            viewer.element.addEventListener('pointermove', move, true);
            viewer.element.addEventListener('pointerup', up, true);
            freehand = {
                remove() {
                    viewer.element.removeEventListener('pointerdown', down, true);
                    viewer.element.removeEventListener('pointermove', move, true);
                    viewer.element.removeEventListener('pointerup', up, true);
                    svg.remove();
                },
            };
        };

        viewer.viewport.silenceMultiImageWarnings = true;
        const clickToZoom = viewer.gestureSettingsMouse.clickToZoom;
        await load();

        return {
            // 'polygon' (click points; click the first point again to close), 'freehand' (press and drag), or null (pan and select).
            setTool(tool) {
                stopFreehand();
                anno.cancelSelected();
                // A click places a corner, so it must not also zoom the slide.
                viewer.gestureSettingsMouse.clickToZoom = tool !== 'polygon' && clickToZoom;
                if (tool === 'polygon') {
                    anno.setDrawingTool('polygon');
                    anno.setDrawingEnabled(true);
                } else {
                    anno.setDrawingEnabled(false);
                    if (tool === 'freehand') startFreehand();
                }
            },
            setClass(name) {
                current = name === Exclusion ? Exclusion : Tumor;
                // The selected region takes the class too, so a region can be re-labelled.
                const selected = anno.getSelected();
                quietly(() => selected.forEach(a => anno.updateAnnotation(annotation(a.id, current, a.target.selector.geometry.points, a.properties))));
                if (selected.length > 0) changed();
            },
            deleteSelected() {
                const selected = anno.getSelected();
                anno.cancelSelected();
                quietly(() => selected.forEach(a => anno.removeAnnotation(a.id)));
                if (selected.length > 0) changed();
            },
            undo() {
                anno.cancelSelected();
                if (history.length === 0) return;
                restore(history.pop());
                notify();
            },
            async save() {
                // Commits a vertex drag still in progress.
                anno.cancelSelected();
                const body = {
                    type: 'FeatureCollection',
                    features: anno.getAnnotations().map(a => toFeature(a, options.slideWidth, options.slideHeight)),
                };
                const response = await fetch(`api/slides/${options.slideId}/annotations`, {
                    method: 'PUT',
                    headers: { 'Content-Type': 'application/geo+json' },
                    body: JSON.stringify(body),
                });
                if (!response.ok) {
                    const problem = await response.json().catch(() => ({}));
                    const message = problem.detail || `saving failed (${response.status})`;
                    notify(message);
                    return message;
                }
                const collection = await response.json();
                history = [];
                restore(collection.features.map(fromFeature));
                notify('Saved');
                return null;
            },
            count() {
                return anno.getAnnotations().length;
            },
            destroy() {
                delete element.tumorwebAnnotator;
                try {
                    stopFreehand();
                    anno.destroy();
                } catch (error) {
                    // The page may have destroyed the viewer first, taking the annotator's layers with it.
                    console.debug('tumorweb annotations: ' + error.message);
                }
            },
        };
    }

    return { create: create };
})();
