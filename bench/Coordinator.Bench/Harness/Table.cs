using System.Text;

namespace Coordinator.Bench.Harness;

/// <summary>Renders the rows as one Markdown table, so the output can be pasted into bench/README.md unchanged.</summary>
public static class Table
{
    public static string Render(IReadOnlyList<Row> rows)
    {
        var lines = new List<string[]> { new[] { "metric", "value", "baseline", "ratio", "target", "result" } };
        foreach (var row in rows)
        {
            lines.Add(
            [
                row.Metric,
                Row.Format(row.Value, row.Unit),
                row.Baseline is { } b ? Row.Format(b, row.Unit) : "-",
                row.Ratio is { } r ? r.ToString("0.000") : "-",
                row.TargetText,
                row.Kind == TargetKind.Informative ? "info" : row.Passed ? "pass" : "FAIL",
            ]);
        }
        var widths = Enumerable.Range(0, 6).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append("| ").AppendJoin(" | ", lines[i].Select((cell, c) => cell.PadRight(widths[c]))).AppendLine(" |");
            if (i == 0)
            {
                text.Append("|").AppendJoin("|", widths.Select(w => new string('-', w + 2))).AppendLine("|");
            }
        }
        foreach (var row in rows.Where(r => r.Note is not null))
        {
            text.AppendLine($"- {row.Metric}: {row.Note}");
        }
        return text.ToString();
    }
}
