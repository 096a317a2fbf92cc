// Line charts over ApexCharts for the Blazor ApexChart component (Components/Charts): one chart per id.
// Options and series arrive as the component's typed C# records, camelCased.
window.tumorweb = window.tumorweb || {};
window.tumorweb.charts = (function () {
    const charts = new Map();
    const palette = ['#1565c0', '#e65100', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#ad1457', '#4e342e'];

    // Ticks fall between whole numbers on a short axis; an integer axis (steps, epochs) leaves those blank
    // instead of printing the same rounded number twice.
    function label(v, decimals) {
        if (typeof v !== 'number') return v;
        if (decimals === 0 && Math.abs(v - Math.round(v)) > 1e-9) return '';
        // 6e11 reads; 600000000000.00 does not.
        if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return v.toExponential(Number.isInteger(Math.log10(Math.abs(v))) ? 0 : 1).replace('e+', 'e');
        return v.toFixed(decimals);
    }

    function axis(a, isX) {
        const result = {
            title: { text: a.title },
            decimalsInFloat: a.decimals,
            labels: { formatter: v => label(v, a.decimals) },
        };
        const fixed = a.min !== null && a.min !== undefined && a.max !== null && a.max !== undefined;
        if (isX) result.type = 'numeric';
        if (a.logarithmic) result.logarithmic = true;
        // A fixed 0..1 range (ROC) reads best in fifths; a free axis gets a few more ticks.
        if (fixed) result.tickAmount = 5;
        else if (isX) result.tickAmount = 8;
        if (a.min !== null && a.min !== undefined) result.min = a.min;
        if (a.max !== null && a.max !== undefined) result.max = a.max;
        return result;
    }

    function apexSeries(series) {
        return series.map(s => ({ name: s.name, data: s.points.map(p => ({ x: p.x, y: p.y })) }));
    }

    function apexOptions(options, series) {
        return {
            chart: {
                type: 'line',
                height: options.height,
                animations: { enabled: false },
                toolbar: { show: false },
                zoom: { enabled: false },
                fontFamily: 'inherit',
            },
            title: { text: options.title || undefined },
            series: apexSeries(series),
            colors: series.map((s, i) => s.color || palette[i % palette.length]),
            stroke: { width: 2, curve: 'straight', dashArray: series.map(s => (s.dashed ? 6 : 0)) },
            markers: { size: series.map(s => (s.markers ? 4 : 0)) },
            xaxis: axis(options.xAxis, true),
            yaxis: axis(options.yAxis, false),
            legend: { show: true, position: 'top', showForSingleSeries: true },
            tooltip: { shared: false, intersect: false },
            dataLabels: { enabled: false },
        };
    }

    return {
        create(id, element, options, series) {
            const chart = new ApexCharts(element, apexOptions(options, series));
            charts.set(id, chart);
            // Lets browser tests and dev tools read what is drawn (element.tumorwebChart.w.globals.series).
            element.tumorwebChart = chart;
            chart.render();
        },
        updateOptions(id, options, series) {
            charts.get(id)?.updateOptions(apexOptions(options, series), true, false);
        },
        updateSeries(id, series) {
            charts.get(id)?.updateSeries(apexSeries(series), false);
        },
        // points[i] holds the new points of series i, in order.
        appendPoints(id, points) {
            charts.get(id)?.appendData(points.map(p => ({ data: p.map(q => ({ x: q.x, y: q.y })) })));
        },
        destroy(id) {
            const chart = charts.get(id);
            charts.delete(id);
            chart?.destroy();
        },
    };
})();
