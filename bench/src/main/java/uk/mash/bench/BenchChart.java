package uk.mash.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The picture of a bench run ({@code .mash/bench/latest.png}): throughput over time above, latency
 * over time below, on one time axis with each phase shaded and named. Drawn off screen (headless).
 */
final class BenchChart {

    static final int WIDTH = 1400;
    static final int HEIGHT = 900;
    /** The latency axis is logarithmic: a sample of 0 ms (clamped) is drawn at this floor. */
    private static final double LATENCY_FLOOR_MS = 0.1;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private BenchChart() {
    }

    /** A phase's series, named. */
    private record Phase(String name, TimelineResult.PhaseSeries series) {

        int toSecond() {
            return series.fromSecond() + series.reportsAccepted().size();
        }
    }

    static void write(Path png, String title, TimelineResult timeline) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart(title, timeline), WIDTH, HEIGHT);
    }

    /** Drawn from latest.json's timeline alone, so that any run's picture can be drawn again from its file. */
    static JFreeChart chart(String title, TimelineResult timeline) {
        List<Phase> timelines = List.of(new Phase("pipeline", timeline.pipeline()), new Phase("latency", timeline.latency()));
        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("reports accepted /s", timelines, s -> s.reportsAccepted()));
        throughput.addSeries(series("cases opened /s", timelines, s -> s.casesOpened()));
        NumberAxis perSecond = new NumberAxis("per second");
        XYPlot top = new XYPlot(throughput, null, perSecond, renderer(new Color(0x1f77b4), new Color(0x2ca02c)));

        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("accepted -> case p50 (ms)", timelines, s -> floor(s.acceptedToCaseP50Ms())));
        latency.addSeries(series("accepted -> case p99 (ms)", timelines, s -> floor(s.acceptedToCaseP99Ms())));
        List<Paint> latencyPaints = new ArrayList<>(List.of(new Color(0xff7f0e), new Color(0xd62728)));
        if (timelines.stream().anyMatch(p -> p.series().decisionToQueueP99Ms() != null)) {
            latency.addSeries(series("decision -> queue p99 (ms)", timelines, s -> floor(s.decisionToQueueP99Ms())));
            latencyPaints.add(new Color(0x9467bd));
        }
        LogarithmicAxis ms = new LogarithmicAxis("ms, by second accepted / decided (log scale)");
        ms.setAutoRangeNextLogFlag(true); // whole decades, so that a narrow range still has labels
        ms.setStrictValuesFlag(false);
        XYLineAndShapeRenderer latencyRenderer = renderer(latencyPaints.toArray(Paint[]::new));
        latencyRenderer.setDefaultShapesVisible(true); // a second alone between gaps still shows
        XYPlot bottom = new XYPlot(latency, null, ms, latencyRenderer);

        NumberAxis time = new NumberAxis("seconds since the pipeline's first send");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        for (XYPlot p : List.of(top, bottom)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
            markPhases(p, timelines, p == top);
            plot.add(p, 1);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** One line across the phases; a series that is null (no samples in that phase) draws nothing there. */
    private static XYSeries series(String name, List<Phase> timelines,
                                   Function<TimelineResult.PhaseSeries, List<? extends Number>> values) {
        XYSeries s = new XYSeries(name, false, true);
        for (Phase t : timelines) {
            List<? extends Number> v = values.apply(t.series());
            for (int i = 0; v != null && i < v.size(); i++) {
                s.add(t.series().fromSecond() + i + 0.5, v.get(i)); // a second's value in its middle
            }
            s.add(t.toSecond(), null); // no line across the gap to the next phase
        }
        return s;
    }

    private static List<Double> floor(List<Double> ms) {
        return ms == null ? null : ms.stream().map(v -> v == null ? null : Math.max(v, LATENCY_FLOOR_MS)).toList();
    }

    private static XYLineAndShapeRenderer renderer(Paint... paints) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < paints.length; i++) {
            r.setSeriesPaint(i, paints[i]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        return r;
    }

    private static void markPhases(XYPlot plot, List<Phase> timelines, boolean labelled) {
        Color[] shades = {new Color(0xe8eef7), new Color(0xfbf1dc)};
        for (int i = 0; i < timelines.size(); i++) {
            Phase t = timelines.get(i);
            IntervalMarker m = new IntervalMarker(t.series().startSecond(), t.toSecond(), shades[i % shades.length]);
            if (labelled) {
                m.setLabel(t.name());
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
    }
}
