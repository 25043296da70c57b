// The dashboard's charts: a thin layer over apexcharts (embedded from client/node_modules at build time). Imported
// by the ApexChart component only on pages that show a chart, so other pages never load the library.
let library;

function loadLibrary() {
  library ??= new Promise((resolve, reject) => {
    if (window.ApexCharts) return resolve(window.ApexCharts);
    const script = document.createElement("script");
    script.src = "assets/vendor/apexcharts.min.js";
    script.onload = () => resolve(window.ApexCharts);
    script.onerror = () => reject(new Error("apexcharts did not load"));
    document.head.appendChild(script);
  });
  return library;
}

function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function format(value, unit, decimals) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const text = Number(value).toLocaleString(undefined, { maximumFractionDigits: decimals ?? 1 });
  return unit ? text + " " + unit : text;
}

// Colours may be sent as "var(--name)" (the theme's palette); SVG attributes need the resolved value.
function resolveColor(value) {
  const match = typeof value === "string" && /^var\((--[\w-]+)\)$/.exec(value.trim());
  return match ? cssVar(match[1], value) : value;
}

function resolveColors(o) {
  if (Array.isArray(o.colors)) o.colors = o.colors.map(resolveColor);
  for (const kind of ["xaxis", "yaxis", "points"]) {
    for (const a of o.annotations?.[kind] || []) {
      a.fillColor = resolveColor(a.fillColor);
      a.borderColor = resolveColor(a.borderColor);
    }
  }
}

// What C# cannot send as JSON: the theme's colours, the browser's time zone and formatters with units.
// A series may carry `pdUnit` (its tooltip unit), a y axis `pdUnit` and `pdDecimals` (its labels).
function withDefaults(options, height, dark) {
  const o = structuredClone(options);
  o.chart = Object.assign({ type: "line", height, background: "transparent", animations: { enabled: false },
    foreColor: cssVar("--mud-palette-text-secondary", dark ? "#9da7b3" : "#57606a"), fontFamily: "inherit",
    zoom: { enabled: true, type: "x", autoScaleYaxis: true },
    toolbar: { show: true, tools: { download: false, selection: false, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true } } },
    o.chart || {});
  o.chart.height = height;
  resolveColors(o);
  o.theme = { mode: dark ? "dark" : "light" };
  o.grid = Object.assign({ borderColor: cssVar("--mud-palette-lines-default", dark ? "#30363d" : "#d0d7de") }, o.grid || {});
  if (o.xaxis?.type === "datetime") {
    // Times in the browser's own zone, not UTC.
    o.xaxis.labels = Object.assign({ datetimeUTC: false }, o.xaxis.labels || {});
    o.tooltip = Object.assign({ x: { format: "yyyy-MM-dd HH:mm:ss" } }, o.tooltip || {});
  }
  const axes = Array.isArray(o.yaxis) ? o.yaxis : o.yaxis ? [o.yaxis] : [];
  for (const axis of axes) {
    if (axis.pdUnit !== undefined || axis.pdDecimals !== undefined) {
      const unit = axis.pdUnit, decimals = axis.pdDecimals;
      axis.labels = Object.assign({}, axis.labels || {}, { formatter: v => format(v, unit, decimals) });
    }
  }
  const units = (o.series || []).map(s => s.pdUnit);
  if (units.some(u => u !== undefined)) {
    o.tooltip = o.tooltip || {};
    o.tooltip.y = { formatter: (v, { seriesIndex }) => format(v, units[seriesIndex], 2) };
  }
  o.tooltip = Object.assign({ theme: dark ? "dark" : "light" }, o.tooltip || {});
  return o;
}

export async function create(element, options, height, dark) {
  const ApexCharts = await loadLibrary();
  const chart = new ApexCharts(element, withDefaults(options, height, dark));
  await chart.render();
  return {
    update: (next, nextDark) => chart.updateOptions(withDefaults(next, height, nextDark), true, false),
    destroy: () => chart.destroy(),
  };
}
