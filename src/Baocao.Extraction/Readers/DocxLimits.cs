using System.IO.Compression;
using System.Xml;

namespace Baocao.Readers;

/// <summary>
/// Bounds a DOCX must keep before its XML is parsed into memory: each part's uncompressed size, its XML nesting depth
/// and its number of elements. A 1 MB zip bomb (a 1 GB document.xml), a document nested 100,000 elements deep (which
/// overflows the stack of a recursive walk, ending the process and every other file of the batch with it) and a
/// 3 MB file of 30 million empty paragraphs (gigabytes once parsed) are refused with one line each. The check streams
/// each XML part once through a reader that stops at the first bound crossed, so it costs a fraction of the parse.
/// OpenXml's own OpenSettings.MaxCharactersInPart bounds characters but neither depth nor element count.
/// </summary>
public sealed record DocxLimits(long MaxPartBytes = 256L << 20, int MaxDepth = 400, long MaxElements = 20_000_000)
{
    public static readonly DocxLimits Default = new();

    /// <summary>Throws <see cref="BadInputException"/> naming the part and the bound it crosses.</summary>
    public void Check(string path)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { return; } // not a zip: the DOCX reader says so in its own words
        using (zip)
        {
            long elements = 0;
            IReadOnlyList<ZipArchiveEntry> entries;
            try { entries = zip.Entries; }
            catch (InvalidDataException e)
            {
                throw new BadInputException(path, $"damaged DOCX: its zip directory is broken ({e.Message.Split('\n')[0].TrimEnd('.')})");
            }
            foreach (var entry in entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    continue;
                // The size a zip declares can lie; the stream below is cut at the bound whatever it says.
                if (entry.Length > MaxPartBytes)
                    throw new BadInputException(path, $"DOCX part {entry.FullName} is {Mib(entry.Length)} MiB uncompressed (limit {Mib(MaxPartBytes)} MiB): not a report, or a zip bomb");
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
                try
                {
                    // Opening an entry fails on a damaged local header or an unknown compression method.
                    using var stream = new BoundedStream(entry.Open(), MaxPartBytes);
                    using var reader = XmlReader.Create(stream, settings);
                    while (reader.Read())
                    {
                        if (reader.NodeType != XmlNodeType.Element) continue;
                        if (reader.Depth > MaxDepth)
                            throw new BadInputException(path, $"DOCX part {entry.FullName} is nested more than {MaxDepth} elements deep: not a report");
                        if (++elements > MaxElements)
                            throw new BadInputException(path, $"DOCX holds more than {MaxElements:N0} XML elements: too large to read as one report");
                    }
                }
                catch (BoundExceededException)
                {
                    throw new BadInputException(path, $"DOCX part {entry.FullName} is more than {Mib(MaxPartBytes)} MiB uncompressed: not a report, or a zip bomb");
                }
                catch (XmlException e)
                {
                    throw new BadInputException(path, $"DOCX part {entry.FullName} is not well-formed XML ({e.Message.Split('\n')[0].TrimEnd('.')})");
                }
                catch (InvalidDataException e)
                {
                    throw new BadInputException(path, $"DOCX part {entry.FullName} is damaged ({e.Message.Split('\n')[0].TrimEnd('.')})");
                }
            }
        }
    }

    private static long Mib(long bytes) => (bytes + (1 << 20) - 1) >> 20;

    private sealed class BoundExceededException : IOException;

    /// <summary>A read-only stream that fails once more than a bound has been read from it.</summary>
    private sealed class BoundedStream(Stream inner, long bound) : Stream
    {
        private long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            if (read > bound) throw new BoundExceededException();
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
