using Baocao.Index;

namespace Baocao.Ingest;

/// <summary>What an ingest does with one file.</summary>
public enum IngestAction
{
    /// <summary>Extract it: new, changed, stored by another extractor version, or failed before under other conditions.</summary>
    Extract,

    /// <summary>Skip it: stored with the same content hash by the same extractor version.</summary>
    Unchanged,

    /// <summary>Skip it: it failed with the same content and the same extractor version; its failure stands.</summary>
    FailedBefore,
}

/// <summary>The skip rule of a resumable ingest, pure: a file is extracted again only when its content or the extractor changed.</summary>
public static class IngestDecision
{
    public static IngestAction Decide(string sha256, string extractorVersion, StoredSource? stored, FailedSource? failed)
    {
        if (stored is not null && stored.Sha256 == sha256 && stored.Extractor == extractorVersion) return IngestAction.Unchanged;
        if (failed is not null && failed.Sha256 == sha256 && failed.Extractor == extractorVersion) return IngestAction.FailedBefore;
        return IngestAction.Extract;
    }
}
