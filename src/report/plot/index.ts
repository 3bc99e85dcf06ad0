export type { BandLayer, HistogramLayer, LayerStyle, LineLayer, LinesLayer, Numbers, PlotAxis, PlotLayer, PlotPanel, PlotSpec, PointsLayer, RuleLayer, TextLayer } from "./types.ts";
export { toVegaLite, plotSubtitle } from "./toVegaLite.ts";
export { PLOT_FONT, PLOT_COLORS, DASH } from "./style.ts";
export { renderPlot, renderSvg, svgToPng, normalizeSvgIds, defaultPngScale, PNG_DOUBLE_BELOW_WIDTH, type RenderedPlot } from "./renderPlot.ts";
export { simplexPanel, simplexXY, type SimplexPanelOptions } from "./simplexPanel.ts";
export { thinIndices } from "./thinIndices.ts";
export { binCounts, type Bins } from "./binCounts.ts";
export { plotFiles } from "./plotFiles.ts";
