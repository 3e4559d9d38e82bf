using System.Text;

namespace Coordinator.Actors.Actions;

/// <summary>
/// The end of a backup program's stderr, bounded in bytes as it arrives: the last <c>maxLines</c> lines, each cut after
/// <c>maxLineBytes</c>, at most <c>maxTotalBytes</c> in all. What is cut is counted and said ("… (20971520 bytes cut)"),
/// never buffered: a program that writes 20 MB on one line costs the coordinator a few KiB, and its error message, its
/// journal row and its JSON document stay small.
/// </summary>
internal sealed class StderrTail(int maxLines = 20, int maxLineBytes = 1024, int maxTotalBytes = 4096)
{
    private readonly Queue<(byte[] Kept, long Cut)> _lines = new();
    private readonly byte[] _current = new byte[maxLineBytes];
    private int _currentLength;
    private long _currentCut;
    private bool _currentStarted;
    private int _keptBytes;
    private long _droppedLines;

    /// <summary>Takes the next bytes of the stream; only what may be kept is copied.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            var part = newline < 0 ? data : data[..newline];
            if (!part.IsEmpty)
            {
                _currentStarted = true;
                var room = Math.Min(part.Length, _current.Length - _currentLength);
                part[..room].CopyTo(_current.AsSpan(_currentLength));
                _currentLength += room;
                _currentCut += part.Length - room;
            }
            if (newline < 0)
            {
                return;
            }
            EndLine();
            data = data[(newline + 1)..];
        }
    }

    /// <summary>The stream ended: a last line without a line break counts too.</summary>
    public void Complete()
    {
        if (_currentStarted)
        {
            EndLine();
        }
    }

    /// <summary>The kept lines, joined with '\n', each cut line and the dropped lines said as such.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (_droppedLines > 0)
        {
            text.Append("… (").Append(_droppedLines).Append(" earlier line(s) cut)");
        }
        foreach (var (kept, cut) in _lines)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(Encoding.UTF8.GetString(kept));
            if (cut > 0)
            {
                text.Append("… (").Append(cut).Append(" bytes cut)");
            }
        }
        return text.ToString();
    }

    private void EndLine()
    {
        var length = _currentLength;
        if (length > 0 && _current[length - 1] == '\r' && _currentCut == 0)
        {
            length--;
        }
        _lines.Enqueue((_current.AsSpan(0, length).ToArray(), _currentCut));
        _keptBytes += length;
        while (_lines.Count > maxLines || (_keptBytes > maxTotalBytes && _lines.Count > 1))
        {
            _keptBytes -= _lines.Dequeue().Kept.Length;
            _droppedLines++;
        }
        _currentLength = 0;
        _currentCut = 0;
        _currentStarted = false;
    }
}
